package id.berkasdesa.document;

import id.berkasdesa.files.DocumentException;
import id.berkasdesa.files.FileType;
import id.berkasdesa.files.ByteSource;
import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * One file of a document, checked: its type from its first bytes, its page count, and for an image
 * its size in pixels (read from the header, before anything is decoded) and EXIF orientation.
 *
 * @param source the bytes, from the document store (a staged file or a stored one)
 * @param name the name the operator's file had, for messages and the list
 * @param orientation the EXIF orientation, 1 (as stored) to 8
 */
public record SourceFile(ByteSource source, String sha256, long size, String name, FileType type, int pages, int width,
        int height, int orientation) {

    /** Larger images are refused: decoding 30,000 × 30,000 pixels would take gigabytes. */
    public static final long MAX_PIXELS = 100_000_000L;

    /**
     * Checks the file in {@code source}. Throws {@link DocumentException} when it is not a JPEG, PNG or
     * PDF by content, when it is too large to decode safely, corrupt, truncated, or a PDF that needs
     * a password. An image's pixels are checked when the upload copy decodes them.
     */
    public static SourceFile check(ByteSource source, String sha256, long size, String name) {
        byte[] head = new byte[FileType.HEAD];
        int n;
        try (InputStream in = source.open()) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new DocumentException("document.error.unreadable", e, name);
        }
        if (n == 0) {
            throw new DocumentException("document.error.empty", name);
        }
        FileType type = FileType.sniff(head, n).orElseThrow(() -> new DocumentException("document.error.unknownType", name));
        return switch (type) {
            case PDF -> new SourceFile(source, sha256, size, name, type, Pdfs.checkedPages(source, name), 0, 0, 1);
            case JPEG, PNG -> image(source, sha256, size, name, type);
        };
    }

    private static SourceFile image(ByteSource source, String sha256, long size, String name, FileType type) {
        try (InputStream in = source.open(); ImageInputStream iis = UploadCopy.imageStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.name());
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0) {
                    throw new DocumentException("document.error.corruptImage", name);
                }
                if ((long) w * h > MAX_PIXELS) {
                    throw new DocumentException("document.error.imageTooBig", name, w, h);
                }
                return new SourceFile(source, sha256, size, name, type, 1, w, h, type == FileType.JPEG ? orientation(source) : 1);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw DocumentException.of(e, "document.error.corruptImage", name);
        }
    }

    /** The EXIF orientation of a JPEG, 1 when it has none or it cannot be read. */
    static int orientation(ByteSource source) {
        try (InputStream in = source.open()) {
            return orientation(in);
        } catch (IOException e) {
            return 1;
        }
    }

    static int orientation(InputStream in) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(in);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int o = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return o >= 1 && o <= 8 ? o : 1;
            }
        } catch (ImageProcessingException | IOException | MetadataException | RuntimeException e) {
            // no usable EXIF: the photo is taken as stored
        }
        return 1;
    }

    /** Checks a PDF without keeping it open; see {@link Pdfs}. */
    static final class Pdfs {

        private Pdfs() {
        }

        static int checkedPages(ByteSource source, String name) {
            if (!endsWithEof(source)) {
                throw new DocumentException("document.error.corruptPdf", name);
            }
            try (PDDocument pdf = Loader.loadPDF(source.randomAccess())) {
                int pages = pdf.getNumberOfPages();
                if (pages == 0) {
                    throw new DocumentException("document.error.corruptPdf", name);
                }
                return pages;
            } catch (InvalidPasswordException e) {
                throw new DocumentException("document.error.passwordPdf", e, name);
            } catch (IOException | RuntimeException e) {
                throw DocumentException.of(e, "document.error.corruptPdf", name);
            }
        }

        /**
         * A complete PDF ends with {@code %%EOF} within its last 1024 bytes (ISO 32000 7.5.5); a
         * download or copy cut short does not. PDFBox would otherwise repair it silently, pages lost.
         */
        static boolean endsWithEof(ByteSource source) {
            try {
                return new String(source.tail(1024), StandardCharsets.ISO_8859_1).contains("%%EOF");
            } catch (IOException e) {
                return false;
            }
        }
    }
}
