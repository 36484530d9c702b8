package id.berkasdesa.common;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Which label of a choice list the letters typed so far select: a label that starts with them, else
 * the label where they start a word earliest ("sd" selects "Tamat SD/Sederajat" before "Belum Tamat
 * SD/Sederajat"), in list order among equals. Case is ignored.
 */
public final class LabelMatch {

    private LabelMatch() {
    }

    /**
     * @return how well {@code typed} fits {@code label}: 0 at the start, n when it starts the label's
     *         n-th word, -1 when it starts no word
     */
    public static int rank(String label, String typed) {
        if (label == null || typed.isEmpty()) {
            return -1;
        }
        String l = label.toLowerCase(Locale.ROOT);
        String t = typed.toLowerCase(Locale.ROOT);
        int word = 0;
        for (int i = 0; i < l.length(); i++) {
            boolean starts = i == 0 || !Character.isLetterOrDigit(l.charAt(i - 1));
            if (starts && Character.isLetterOrDigit(l.charAt(i))) {
                if (l.startsWith(t, i)) {
                    return word;
                }
                word++;
            } else if (i == 0 && l.startsWith(t)) {
                return 0;
            }
        }
        return -1;
    }

    /** @return the index of the best item for {@code typed}, or -1 when none fits */
    public static <T> int best(List<T> items, Function<T, String> label, String typed) {
        int best = -1;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i < items.size(); i++) {
            int r = rank(label.apply(items.get(i)), typed);
            if (r >= 0 && r < bestRank) {
                best = i;
                bestRank = r;
            }
        }
        return best;
    }
}
