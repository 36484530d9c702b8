package id.berkasdesa.document;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Real image and PDF files for tests, made here so no fixture file needs to be committed. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path jpeg(Path file, int width, int height, long seed) {
        return write(file, SampleScans.letterJpeg(width, height, seed));
    }

    public static byte[] jpegBytes(BufferedImage image, float quality) {
        try {
            return UploadCopy.jpeg(image, quality);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path png(Path file, int width, int height, long seed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(SampleScans.letterPhoto(width, height, seed), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(file, out.toByteArray());
    }

    /**
     * A JPEG stored sideways, as phones do, with EXIF orientation 6 ("rotate 90° clockwise to
     * show"): the upright picture is {@code uprightWidth} wide and its red corner at top-left.
     */
    public static Path rotatedExifJpeg(Path file, int uprightWidth, int uprightHeight, long seed) {
        BufferedImage upright = SampleScans.letterPhoto(uprightWidth, uprightHeight, seed);
        // stored = upright turned 90° counter-clockwise
        BufferedImage stored = new BufferedImage(uprightHeight, uprightWidth, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < uprightHeight; y++) {
            for (int x = 0; x < uprightWidth; x++) {
                stored.setRGB(y, uprightWidth - 1 - x, upright.getRGB(x, y));
            }
        }
        byte[] jpeg = jpegBytes(stored, 0.9f);
        byte[] app1 = exifOrientation(6);
        byte[] out = new byte[jpeg.length + app1.length];
        out[0] = jpeg[0];
        out[1] = jpeg[1];
        System.arraycopy(app1, 0, out, 2, app1.length);
        System.arraycopy(jpeg, 2, out, 2 + app1.length, jpeg.length - 2);
        return write(file, out);
    }

    /** An APP1 segment with a one-entry EXIF IFD0: Orientation. */
    private static byte[] exifOrientation(int orientation) {
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(tiff)) {
            d.writeBytes("MM");
            d.writeShort(42);
            d.writeInt(8); // IFD0 offset
            d.writeShort(1); // one entry
            d.writeShort(0x0112); // Orientation
            d.writeShort(3); // SHORT
            d.writeInt(1);
            d.writeShort(orientation);
            d.writeShort(0);
            d.writeInt(0); // no next IFD
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] body = tiff.toByteArray();
        ByteArrayOutputStream seg = new ByteArrayOutputStream();
        int length = 2 + 6 + body.length;
        seg.write(0xFF);
        seg.write(0xE1);
        seg.write(length >> 8);
        seg.write(length & 0xFF);
        seg.writeBytes("Exif\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        seg.writeBytes(body);
        return seg.toByteArray();
    }

    /** A text PDF of {@code pages} A4 pages, "Halaman n" on each; with a user password when given. */
    public static Path pdf(Path file, int pages, String password) {
        try (PDDocument doc = new PDDocument()) {
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                    c.beginText();
                    c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
                    c.newLineAtOffset(72, 760);
                    c.showText("Surat keterangan puskesmas - Halaman " + i);
                    c.endText();
                }
            }
            if (password != null) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy("pemilik", password, new AccessPermission());
                policy.setEncryptionKeyLength(128);
                doc.protect(policy);
            }
            doc.save(file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PNG whose header says {@code width} × {@code height} with almost no pixel data: what a
     * decompression bomb looks like to a header check.
     */
    public static Path hugePngHeader(Path file, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(ihdr)) {
            d.writeInt(width);
            d.writeInt(height);
            d.writeByte(8); // bit depth
            d.writeByte(2); // truecolour
            d.writeByte(0);
            d.writeByte(0);
            d.writeByte(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        chunk(out, "IHDR", ihdr.toByteArray());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return write(file, out.toByteArray());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        try (DataOutputStream d = new DataOutputStream(out)) {
            d.writeInt(data.length);
            byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            d.write(t);
            d.write(data);
            CRC32 crc = new CRC32();
            crc.update(t);
            crc.update(data);
            d.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code keep} bytes of {@code source}, as a download cut short. */
    public static Path truncated(Path source, Path file, double keep) {
        try {
            byte[] all = Files.readAllBytes(source);
            return write(file, java.util.Arrays.copyOf(all, (int) (all.length * keep)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a data folder as a person would make it (the lock file of a running app left out). */
    public static void copyTree(java.nio.file.Path from, java.nio.file.Path to) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(from)) {
            for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) files::iterator) {
                java.nio.file.Path t = to.resolve(from.relativize(p).toString());
                if (java.nio.file.Files.isDirectory(p)) {
                    java.nio.file.Files.createDirectories(t);
                } else if (!p.getFileName().toString().equals("berkas-desa.lock")) {
                    java.nio.file.Files.copy(p, t);
                }
            }
        }
    }
}
