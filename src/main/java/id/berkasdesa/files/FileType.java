package id.berkasdesa.files;

import java.util.Optional;

/** The file types a document may be made of, told apart by their first bytes, never by their name. */
public enum FileType {
    JPEG, PNG, PDF;

    /** Bytes needed by {@link #sniff}. */
    public static final int HEAD = 8;

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /**
     * The type whose signature {@code head} starts with: JPEG {@code FF D8 FF}, PNG its 8-byte
     * signature, PDF {@code %PDF-}. Anything else (an .exe or .docx renamed .jpg) is empty.
     */
    public static Optional<FileType> sniff(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (length >= 8 && startsWith(head, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (length >= 5 && startsWith(head, new byte[] {'%', 'P', 'D', 'F', '-'})) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
