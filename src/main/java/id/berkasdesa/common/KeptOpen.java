package id.berkasdesa.common;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream whose {@code close} flushes but does not close what is beneath: a cipher's
 * stream must be closed to write its last segment, while the file under it stays open to be forced
 * to disk (or to take the next zip entry).
 */
public final class KeptOpen extends FilterOutputStream {

    public KeptOpen(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
