package id.berkasdesa.common;

import java.nio.charset.StandardCharsets;

/** Whether a file's bytes hold a given text or byte run: the tests' look for plaintext where only ciphertext may be. */
public final class ByteSearch {

    private ByteSearch() {
    }

    public static boolean contains(byte[] haystack, String text) {
        return indexOf(haystack, text.getBytes(StandardCharsets.UTF_8)) >= 0;
    }

    public static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
