package dev.mirage.label;

import dev.mirage.sensor.InstanceImage;

/** Tiny hand-drawn masks and instance images for the label tests. */
final class Masks {
    private Masks() {}

    /** Rows top to bottom; 'X' is set, '.' is not. Returns the row-major mask. */
    static boolean[] mask(String... rows) {
        int w = rows[0].length();
        boolean[] m = new boolean[rows.length * w];
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length() != w) throw new IllegalArgumentException("ragged row " + y);
            for (int x = 0; x < w; x++) m[y * w + x] = rows[y].charAt(x) == 'X';
        }
        return m;
    }

    /** Rows top to bottom; '.' is background 0, a digit or letter is an id (0-9, then a=10 ...). */
    static InstanceImage image(String... rows) {
        int w = rows[0].length();
        int[] ids = new int[rows.length * w];
        for (int y = 0; y < rows.length; y++) {
            if (rows[y].length() != w) throw new IllegalArgumentException("ragged row " + y);
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                ids[y * w + x] = c == '.' ? 0 : Character.digit(c, 36);
            }
        }
        return new InstanceImage(w, rows.length, ids);
    }
}
