package dev.mirage.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.joml.Matrix4dc;
import org.joml.Vector3dc;

/** The JSON mapper and the small conversions every dataset file uses. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final ObjectMapper COMPACT = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ArrayNode vector(Vector3dc v) {
        return NODES.arrayNode().add(v.x()).add(v.y()).add(v.z());
    }

    /** A 4×4 matrix as four rows. */
    static ArrayNode rows(Matrix4dc m) {
        ArrayNode rows = NODES.arrayNode();
        for (int r = 0; r < 4; r++) rows.add(NODES.arrayNode().add(m.get(0, r)).add(m.get(1, r)).add(m.get(2, r)).add(m.get(3, r)));
        return rows;
    }

    /** A row-major 3×3 as three rows. */
    static ArrayNode rows3(double[] m) {
        ArrayNode rows = NODES.arrayNode();
        for (int r = 0; r < 3; r++) rows.add(NODES.arrayNode().add(m[3 * r]).add(m[3 * r + 1]).add(m[3 * r + 2]));
        return rows;
    }
}
