package id.berkasdesa.document;

import id.berkasdesa.files.FileType;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class FileTypeTest {

    @Property
    void anyBytesAfterASignatureKeepTheType(@ForAll @Size(min = 8, max = 8) byte[] tail) {
        assertThat(FileType.sniff(with(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, tail), 8)).contains(FileType.JPEG);
        assertThat(FileType.sniff(with(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, tail), 8))
                .contains(FileType.PNG);
        assertThat(FileType.sniff(with("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII), tail), 8))
                .contains(FileType.PDF);
    }

    @Property
    void bytesWithoutASignatureAreNoType(@ForAll @Size(min = 0, max = 8) byte[] head) {
        Optional<FileType> type = FileType.sniff(java.util.Arrays.copyOf(head, 8), head.length);
        boolean jpeg = head.length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF;
        boolean pdf = head.length >= 5 && new String(head, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-");
        boolean png = head.length == 8 && (head[0] & 0xFF) == 0x89 && new String(head, 1, 3, java.nio.charset.StandardCharsets.ISO_8859_1).equals("PNG")
                && head[4] == '\r' && head[5] == '\n' && head[6] == 0x1A && head[7] == '\n';
        assertThat(type.isPresent()).isEqualTo(jpeg || pdf || png);
    }

    @Property
    void aShortReadNeverLooksAtBytesItDidNotRead(@ForAll @Size(min = 0, max = 2) byte[] head) {
        byte[] padded = java.util.Arrays.copyOf(head, 8);
        padded[2] = (byte) 0xFF; // stale byte beyond what was read
        assertThat(FileType.sniff(padded, head.length)).isEmpty();
    }

    private static byte[] with(byte[] signature, byte[] tail) {
        byte[] out = tail.clone();
        System.arraycopy(signature, 0, out, 0, signature.length);
        return out;
    }
}
