package id.berkasdesa.files;

import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.io.RandomAccessRead;

/**
 * The bytes of one document file as the document store hands them out: a stream, or random access
 * for PDFBox, never a path. The file checks, the upload-copy maker and the viewer read through this,
 * so the store alone decides how the bytes lie on disk (encrypted, with the encryption issue).
 */
public interface ByteSource {

    long size();

    InputStream open() throws IOException;

    /** For PDFBox 3, which reads a PDF through a {@link RandomAccessRead}; the caller closes it. */
    RandomAccessRead randomAccess() throws IOException;

    /** The last {@code n} bytes (fewer when the file is shorter). */
    default byte[] tail(int n) throws IOException {
        try (RandomAccessRead r = randomAccess()) {
            long length = r.length();
            int count = (int) Math.min(n, length);
            byte[] out = new byte[count];
            r.seek(length - count);
            int read = 0;
            while (read < count) {
                int k = r.read(out, read, count - read);
                if (k < 0) {
                    break;
                }
                read += k;
            }
            return read == count ? out : java.util.Arrays.copyOf(out, read);
        }
    }
}
