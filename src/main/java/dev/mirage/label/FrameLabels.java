package dev.mirage.label;

import java.util.List;
import java.util.Map;

/**
 * Everything the labeler derives for one frame, by instance id where it applies.
 *
 * @param masks       one label per annotated instance (box, area, RLE), sorted by id
 * @param keypoints   COCO keypoints of the instances that have them (persons)
 * @param amodalBoxes each annotated instance's amodal box {x, y, w, h} in pixels
 */
public record FrameLabels(List<InstanceLabel> masks, Map<Integer, Keypoints> keypoints, Map<Integer, double[]> amodalBoxes) {
    public FrameLabels {
        masks = List.copyOf(masks);
        keypoints = Map.copyOf(keypoints);
        amodalBoxes = Map.copyOf(amodalBoxes);
    }
}
