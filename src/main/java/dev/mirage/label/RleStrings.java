package dev.mirage.label;

import java.util.Arrays;

/**
 * COCO's compressed RLE counts string, a port of pycocotools' {@code rleToString} and
 * {@code rleFrString} ({@code maskApi.c}). Each count from the fourth on (index > 2, a quirk of
 * the original kept for byte-for-byte compatibility) is stored as its difference from the count
 * two places earlier; each number is then written low bits first in 5-bit groups, one character
 * per group ({@code group + 48}), with 0x20 set on every group but the last and 0x10 of the last
 * group being the sign. Characters are therefore '0'..'o' (48..111).
 *
 * <p>Sums of counts are not checked here; {@link CocoRle} does that.
 *
 * <p>Thread safety: stateless.
 */
final class RleStrings {
    /** More groups than this cannot come from an int count; 12 × 5 bits still fit a long. */
    private static final int MAX_GROUPS = 12;

    private RleStrings() {}

    static String encode(int[] counts) {
        StringBuilder s = new StringBuilder(counts.length * 2);
        for (int i = 0; i < counts.length; i++) {
            long x = counts[i];
            if (i > 2) x -= counts[i - 2];
            boolean more = true;
            while (more) {
                int c = (int) (x & 0x1f);
                x >>= 5; // arithmetic shift: negative deltas end at -1, as in C
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) c |= 0x20;
                s.append((char) (c + 48));
            }
        }
        return s.toString();
    }

    /**
     * @throws IllegalArgumentException on a character outside '0'..'o', a number cut off by the
     *                                  string's end or longer than 12 groups, or a count that is
     *                                  negative or beyond int
     */
    static int[] decode(String s) {
        int[] counts = new int[s.length()];
        int m = 0;
        int p = 0;
        while (p < s.length()) {
            int start = p;
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p == s.length())
                    throw new IllegalArgumentException("RLE string ends inside the number starting at index " + start);
                if (k == MAX_GROUPS)
                    throw new IllegalArgumentException("RLE number at index " + start + " is longer than "
                            + MAX_GROUPS + " characters");
                char ch = s.charAt(p);
                int c = ch - 48;
                if (c < 0 || c > 63)
                    throw new IllegalArgumentException("RLE character '" + ch + "' at index " + p
                            + ": expected '0'..'o'");
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) x |= -1L << (5 * k);
            }
            if (m > 2) x += counts[m - 2];
            if (x < 0 || x > Integer.MAX_VALUE)
                throw new IllegalArgumentException("RLE count " + m + " (from index " + start + ") is " + x
                        + ": expected 0.." + Integer.MAX_VALUE);
            counts[m++] = (int) x;
        }
        return Arrays.copyOf(counts, m);
    }
}
