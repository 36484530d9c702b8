package id.berkasdesa.document;

import java.util.Map;

/**
 * The document settings of this village.
 *
 * @param maxCopyBytes the size an upload copy should stay under: the web upload form's limit
 * @param expiryMonths how long an SKTM or faskes letter is good for after its date
 */
public record DocumentSettings(RequirementPreset preset, long maxCopyBytes, int expiryMonths) {

    public static final DocumentSettings DEFAULTS = new DocumentSettings(RequirementPreset.DINSOS_LENGKAP, 1_000_000, 6);
    public static final String PREFIX = "document.";
    public static final long MIN_COPY_BYTES = 100_000;
    public static final long MAX_COPY_BYTES = 20_000_000;

    public DocumentSettings {
        if (maxCopyBytes < MIN_COPY_BYTES || maxCopyBytes > MAX_COPY_BYTES) {
            throw new IllegalArgumentException("copy size limit out of range");
        }
        if (expiryMonths < 1 || expiryMonths > 60) {
            throw new IllegalArgumentException("expiry out of range");
        }
    }

    /** Reads stored values; anything missing or unreadable takes its default. */
    public static DocumentSettings from(Map<String, String> values) {
        RequirementPreset preset = DEFAULTS.preset;
        long bytes = DEFAULTS.maxCopyBytes;
        int months = DEFAULTS.expiryMonths;
        try {
            preset = RequirementPreset.valueOf(values.getOrDefault(PREFIX + "preset", preset.name()));
        } catch (IllegalArgumentException e) {
            // unknown preset (a newer version's): keep the default
        }
        try {
            long b = Long.parseLong(values.getOrDefault(PREFIX + "maxCopyBytes", String.valueOf(bytes)));
            bytes = b >= MIN_COPY_BYTES && b <= MAX_COPY_BYTES ? b : bytes;
        } catch (NumberFormatException e) {
            // keep the default
        }
        try {
            int m = Integer.parseInt(values.getOrDefault(PREFIX + "expiryMonths", String.valueOf(months)));
            months = m >= 1 && m <= 60 ? m : months;
        } catch (NumberFormatException e) {
            // keep the default
        }
        return new DocumentSettings(preset, bytes, months);
    }

    public Map<String, String> toMap() {
        return Map.of(PREFIX + "preset", preset.name(), PREFIX + "maxCopyBytes", String.valueOf(maxCopyBytes),
                PREFIX + "expiryMonths", String.valueOf(expiryMonths));
    }
}
