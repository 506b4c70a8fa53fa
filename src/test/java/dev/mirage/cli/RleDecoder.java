package dev.mirage.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent decoder of COCO's compressed RLE, written from pycocotools' {@code rleFrString}
 * and {@code rleDecode} ({@code maskApi.c}) so the tests never check Mirage's encoder with its own
 * decoder.
 */
final class RleDecoder {
    private RleDecoder() {}

    /** pycocotools' {@code rleFrString}: characters to run lengths. */
    static long[] counts(String s) {
        List<Long> counts = new ArrayList<>();
        int p = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                long c = s.charAt(p) - 48;
                x |= (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) x |= -1L << (5 * k);
            }
            int m = counts.size();
            if (m > 2) x += counts.get(m - 2);
            counts.add(x);
        }
        return counts.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * pycocotools' {@code rleDecode}: runs alternate 0s and 1s, 0s first, over the pixels in
     * column-major order (pixel (x, y) at x·height + y).
     *
     * @return a row-major mask, {@code mask[y * width + x]}
     * @throws IllegalArgumentException when a run is negative or the runs do not cover the image exactly
     */
    static boolean[] mask(String counts, int height, int width) {
        boolean[] mask = new boolean[height * width];
        long position = 0;
        boolean value = false;
        for (long run : counts(counts)) {
            if (run < 0) throw new IllegalArgumentException("negative run " + run);
            for (long i = 0; i < run; i++, position++) {
                if (position >= mask.length)
                    throw new IllegalArgumentException("runs cover more than " + mask.length + " pixels");
                int x = (int) (position / height);
                int y = (int) (position % height);
                mask[y * width + x] = value;
            }
            value = !value;
        }
        if (position != mask.length)
            throw new IllegalArgumentException("runs cover " + position + " of " + mask.length + " pixels");
        return mask;
    }
}
