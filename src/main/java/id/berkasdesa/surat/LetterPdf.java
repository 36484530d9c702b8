package id.berkasdesa.surat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import id.berkasdesa.common.PdfText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A letter as it prints, on A4: the kop surat (the district, the kecamatan, the office), the title and
 * number, the text filled from the register (a line "Label: value" becomes a row of aligned label and
 * value), the place and date, the signatory, and the signed QR code. Text that does not fit one page
 * flows onto the next; every page says the number and "halaman i dari n". The QR text is kept in the
 * PDF's information too ({@link #QR_KEY}, as plain text), so {@code letter verify} reads it without a
 * camera and without loading the document ({@link #qrText}).
 */
public final class LetterPdf {

    /** The PDF document information entry that holds the QR text. */
    public static final String QR_KEY = "BerkasDesaSurat";
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float BODY = 11;
    private static final float LEADING = 15;
    private static final float LABEL_WIDTH = 150;
    private static final float QR_SIZE = 96;

    /** The kop surat's lines, top to bottom (the last one large). */
    public record Kop(String district, String kecamatan, String office, String address) {
    }

    /** What the letter says: its title, number, body (the filled template), place and date, signatory, QR. */
    public record Content(Kop kop, String title, String number, String body, String placeAndDate, String signatoryTitle,
            String signatoryName, String signatoryNip, String qrText, String qrCaption, String pageWord) {
    }

    private LetterPdf() {
    }

    public static byte[] render(Content c) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = PdfText.regular(doc);
            PDFont bold = PdfText.bold(doc);
            List<List<Op>> pages = layout(c, regular, bold);
            PDImageXObject qr = LosslessFactory.createFromImage(doc, qrImage(c.qrText()));
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    for (Op op : pages.get(i)) {
                        op.draw(cs, qr);
                    }
                    String footer = c.number() + " · " + String.format(c.pageWord(), i + 1, pages.size());
                    PdfText.text(cs, regular, 8, MARGIN, 30, footer);
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(c.title() + " " + c.number());
            info.setCreator("Berkas Desa");
            info.setCustomMetadataValue(QR_KEY, c.qrText());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            // without object streams: the information dictionary, with the QR text, stays readable as
            // it is (letter verify finds it without loading the whole document)
            doc.save(out, org.apache.pdfbox.pdfwriter.compress.CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    /**
     * The QR text in a letter PDF's information, found in its bytes (the QR text is ASCII with no
     * parentheses or backslashes, written as a literal string); empty when it is not there.
     */
    public static java.util.Optional<String> qrText(byte[] pdf) {
        byte[] key = ("/" + QR_KEY + " (").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        outer:
        for (int i = pdf.length - key.length; i >= 0; i--) {
            for (int k = 0; k < key.length; k++) {
                if (pdf[i + k] != key[k]) {
                    continue outer;
                }
            }
            int start = i + key.length;
            int end = start;
            while (end < pdf.length && end - start < 1000 && pdf[end] != ')') {
                end++;
            }
            return end < pdf.length && pdf[end] == ')'
                    ? java.util.Optional.of(new String(pdf, start, end - start, java.nio.charset.StandardCharsets.US_ASCII))
                    : java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }

    /** One thing drawn on a page. */
    private interface Op {
        void draw(PDPageContentStream cs, PDImageXObject qr) throws IOException;
    }

    private static Op text(PDFont font, float size, float x, float y, String s) {
        return (cs, qr) -> PdfText.text(cs, font, size, x, y, s);
    }

    private static Op centred(PDFont font, float size, float y, String s) throws IOException {
        float x = MARGIN + (WIDTH - PdfText.width(font, size, s)) / 2;
        return text(font, size, x, y, s);
    }

    private static Op rule(float y, float thickness) {
        return (cs, qr) -> {
            cs.setLineWidth(thickness);
            cs.moveTo(MARGIN, y);
            cs.lineTo(MARGIN + WIDTH, y);
            cs.stroke();
        };
    }

    /** The pages, each a list of what is drawn on it; the body flows on while the page has room. */
    private static List<List<Op>> layout(Content c, PDFont regular, PDFont bold) throws IOException {
        List<List<Op>> pages = new ArrayList<>();
        List<Op> page = new ArrayList<>();
        pages.add(page);
        float top = PDRectangle.A4.getHeight() - MARGIN;
        float y = top;
        Kop k = c.kop();
        for (String line : List.of(k.district(), k.kecamatan())) {
            page.add(centred(bold, 13, y, line.toUpperCase(java.util.Locale.ROOT)));
            y -= 17;
        }
        page.add(centred(bold, 15, y, k.office().toUpperCase(java.util.Locale.ROOT)));
        y -= 15;
        if (!k.address().isBlank()) {
            page.add(centred(regular, 9, y, k.address()));
            y -= 10;
        }
        page.add(rule(y, 2f));
        page.add(rule(y - 3, 0.6f));
        y -= 30;
        page.add(centred(bold, 13, y, c.title().toUpperCase(java.util.Locale.ROOT)));
        float titleWidth = PdfText.width(bold, 13, c.title().toUpperCase(java.util.Locale.ROOT));
        float underlineY = y - 2;
        page.add((cs, qr) -> {
            cs.setLineWidth(0.8f);
            cs.moveTo(MARGIN + (WIDTH - titleWidth) / 2, underlineY);
            cs.lineTo(MARGIN + (WIDTH + titleWidth) / 2, underlineY);
            cs.stroke();
        });
        y -= 16;
        page.add(centred(regular, BODY, y, "Nomor: " + c.number()));
        y -= 30;
        float bottom = MARGIN + 20;
        for (String paragraph : c.body().split("\n", -1)) {
            List<Op> ops = new ArrayList<>();
            float need;
            int colon = paragraph.indexOf(": ");
            if (colon > 0 && colon <= 28 && !paragraph.startsWith(" ")) {
                // "Label: value": the label in a column, the value wrapped beside it
                String label = paragraph.substring(0, colon);
                List<String> value = PdfText.wrap(regular, BODY, paragraph.substring(colon + 2), WIDTH - LABEL_WIDTH - 30);
                need = value.size() * LEADING;
                float yy = 0;
                ops.add(offset(text(regular, BODY, MARGIN + 20, 0, label), 0));
                ops.add(offset(text(regular, BODY, MARGIN + 20 + LABEL_WIDTH, 0, ":"), 0));
                for (String v : value) {
                    ops.add(offset(text(regular, BODY, MARGIN + 30 + LABEL_WIDTH, 0, v), yy));
                    yy -= LEADING;
                }
            } else if (paragraph.isBlank()) {
                need = LEADING * 0.6f;
            } else {
                List<String> lines = PdfText.wrap(regular, BODY, paragraph, WIDTH);
                need = lines.size() * LEADING;
                float yy = 0;
                for (String l : lines) {
                    ops.add(offset(text(regular, BODY, MARGIN, 0, l), yy));
                    yy -= LEADING;
                }
            }
            if (y - need < bottom) {
                page = new ArrayList<>();
                pages.add(page);
                y = top;
            }
            for (Op op : ops) {
                page.add(at(op, y));
            }
            y -= need;
        }
        // the place and date, the signatory on the right; the QR on the left of it
        float block = 24 + 16 + 64 + 16 + (c.signatoryNip().isBlank() ? 0 : 14);
        if (y - block < bottom) {
            page = new ArrayList<>();
            pages.add(page);
            y = top;
        }
        float right = MARGIN + WIDTH - 220;
        y -= 24;
        page.add(text(regular, BODY, right, y, c.placeAndDate()));
        float qrTop = y + 4;
        y -= 16;
        page.add(text(regular, BODY, right, y, c.signatoryTitle()));
        y -= 64;
        page.add(text(bold, BODY, right, y, c.signatoryName()));
        float nameWidth = PdfText.width(bold, BODY, c.signatoryName());
        float lineY = y - 2;
        page.add((cs, qr) -> {
            cs.setLineWidth(0.6f);
            cs.moveTo(right, lineY);
            cs.lineTo(right + nameWidth, lineY);
            cs.stroke();
        });
        if (!c.signatoryNip().isBlank()) {
            y -= 14;
            page.add(text(regular, 10, right, y, "NIP. " + c.signatoryNip()));
        }
        float qrY = qrTop - QR_SIZE;
        page.add((cs, qr) -> cs.drawImage(qr, MARGIN, qrY, QR_SIZE, QR_SIZE));
        List<String> caption = PdfText.wrap(regular, 7, c.qrCaption(), 180);
        float cy = qrY - 9;
        for (String l : caption) {
            page.add(text(regular, 7, MARGIN, cy, l));
            cy -= 8;
        }
        return pages;
    }

    /** An op drawn {@code dy} below the line its paragraph starts on (set by {@link #at}). */
    private static Op offset(Op op, float dy) {
        return new Shifted(op, dy, 0);
    }

    private static Op at(Op op, float y) {
        return op instanceof Shifted s ? new Shifted(s.op(), s.dy(), y) : op;
    }

    private record Shifted(Op op, float dy, float y) implements Op {
        @Override
        public void draw(PDPageContentStream cs, PDImageXObject qr) throws IOException {
            cs.saveGraphicsState();
            cs.transform(org.apache.pdfbox.util.Matrix.getTranslateInstance(0, y + dy));
            op.draw(cs, qr);
            cs.restoreGraphicsState();
        }
    }

    /** The QR code of {@code text} as a black-and-white image (error correction M, a quiet zone of 2). */
    static BufferedImage qrImage(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
            int scale = 4;
            BufferedImage img = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
            for (int x = 0; x < m.getWidth(); x++) {
                for (int y = 0; y < m.getHeight(); y++) {
                    int rgb = m.get(x, y) ? 0x000000 : 0xFFFFFF;
                    for (int dx = 0; dx < scale; dx++) {
                        for (int dy = 0; dy < scale; dy++) {
                            img.setRGB(x * scale + dx, y * scale + dy, rgb);
                        }
                    }
                }
            }
            return img;
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
