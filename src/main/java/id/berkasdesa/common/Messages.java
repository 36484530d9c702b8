package id.berkasdesa.common;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every user-facing text, from {@code i18n/messages*.properties}: Bahasa Indonesia first (the base
 * bundle), English second. A missing key shows as {@code !key!} so it is seen, never hidden.
 * Texts are {@link MessageFormat} patterns: write a literal apostrophe as two.
 */
public final class Messages {

    public static final String BUNDLE = "i18n.messages";
    public static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** Indonesian unless the user asked for English; other locales fall back to Indonesian. */
    public static Messages forLocale(Locale locale) {
        Locale chosen = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : INDONESIAN;
        return new Messages(ResourceBundle.getBundle(BUNDLE, chosen, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public static Messages indonesian() {
        return forLocale(INDONESIAN);
    }

    /** For FXML's {@code %key}: the same texts, formatted like {@link #get} (so {@code ''} reads as one). */
    public ResourceBundle bundle() {
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return bundle.containsKey(key) ? get(key) : null;
            }

            @Override
            public Enumeration<String> getKeys() {
                return bundle.getKeys();
            }
        };
    }

    public Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? INDONESIAN : bundle.getLocale();
    }

    /** A date as operators read and type it: {@code dd-mm-yyyy}. */
    public static String date(LocalDate date) {
        return String.format("%02d-%02d-%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** Arguments as the operator reads them: dates {@code dd-mm-yyyy}, statuses and kinds by their name. */
    private Object[] shown(Object[] args) {
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof LocalDate d) {
                out[i] = date(d);
            } else if (out[i] instanceof Keyed k) {
                out[i] = get(k.key());
            }
        }
        return out;
    }

    /** Whether the bundle has {@code key} (numbered texts such as the how-to's steps). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        // Always through MessageFormat, so an apostrophe means the same with or without arguments.
        return new MessageFormat(pattern, locale()).format(shown(args));
    }
}
