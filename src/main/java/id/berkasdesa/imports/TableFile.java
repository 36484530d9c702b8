package id.berkasdesa.imports;

import id.berkasdesa.common.SafeZip;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads the rows of a spreadsheet a village or a Dinas Sosial has: {@code .xlsx}/{@code .xlsm}
 * (FastExcel, streamed), the old {@code .xls} of SIAK (Apache POI) and CSV (UTF-8, {@code ,} or
 * {@code ;}). What it is comes from the content, not the name: an {@code .xls} named {@code .xlsx}
 * is read. Only cell values are read: an {@code .xlsm}'s macros never run, a formula gives its last
 * computed value.
 *
 * <p>Bounded like the response reader: a file over {@link #MAX_FILE_BYTES}, a zip that unpacks to
 * more than {@link #MAX_UNPACKED_BYTES} (a zip bomb) or more than {@link #MAX_ROWS} rows is refused
 * before it can fill the memory or take the afternoon.
 */
public final class TableFile {

    public enum Kind { XLSX, XLS, CSV }

    public static final long MAX_FILE_BYTES = 200L << 20;
    /** An .xls is read whole into memory (BIFF has at most 65,536 rows a sheet). */
    public static final long MAX_XLS_BYTES = 64L << 20;
    public static final long MAX_UNPACKED_BYTES = 1L << 30;
    public static final int MAX_ZIP_ENTRIES = 5_000;
    public static final int MAX_ROWS = 250_000;
    public static final int MAX_COLUMNS = 256;
    /** The sheet name of a CSV file's rows. */
    public static final String CSV_SHEET = "CSV";

    /** Told each row in order; returns false to stop reading this sheet (OpenSID's {@code ###}). */
    @FunctionalInterface
    public interface RowSink {
        boolean row(TableRow row);
    }

    private TableFile() {
    }

    /**
     * What the file is, from its first bytes.
     *
     * @throws ImportException not a spreadsheet, protected by a password, missing, too big
     */
    public static Kind kind(Path file) {
        byte[] head = new byte[8];
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) {
                throw new ImportException("import.error.empty", name(file));
            }
        } catch (IOException e) {
            throw new ImportException("import.error.noFile", e, name(file));
        }
        if (size > MAX_FILE_BYTES) {
            throw new ImportException("import.error.tooBig", name(file), MAX_FILE_BYTES >> 20);
        }
        if (ReadableWorkbook.isOOXMLZipHeader(head)) {
            return Kind.XLSX;
        }
        if (ReadableWorkbook.isOLE2Header(head)) {
            return ole2(file);
        }
        if (looksLikeText(file)) {
            return Kind.CSV;
        }
        throw new ImportException("import.error.notSpreadsheet", name(file));
    }

    /** The sheets' names in workbook order ({@link #CSV_SHEET} for a CSV). */
    public static List<String> sheets(Path file) {
        Kind kind = kind(file);
        try {
            return switch (kind) {
                case CSV -> List.of(CSV_SHEET);
                case XLSX -> {
                    checkZip(file);
                    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
                        yield wb.getSheets().map(Sheet::getName).toList();
                    }
                }
                case XLS -> {
                    try (HSSFWorkbook wb = xls(file)) {
                        List<String> names = new ArrayList<>();
                        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                            names.add(wb.getSheetName(i));
                        }
                        yield names;
                    }
                }
            };
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportException("import.error.unreadable", e, name(file));
        }
    }

    /**
     * Reads the rows of the sheets {@code choose} keeps from the workbook's sheet names, in order.
     *
     * @throws ImportException for a file that cannot be read, or more than {@link #MAX_ROWS} rows
     */
    public static Kind read(Path file, UnaryOperator<List<String>> choose, RowSink sink) {
        Kind kind = kind(file);
        int[] rows = {0};
        RowSink counted = r -> {
            if (++rows[0] > MAX_ROWS) {
                throw new ImportException("import.error.tooManyRows", name(file), MAX_ROWS);
            }
            return sink.row(r);
        };
        try {
            switch (kind) {
                case CSV -> csv(file, counted);
                case XLSX -> xlsx(file, choose, counted);
                case XLS -> xls(file, choose, counted);
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportException("import.error.unreadable", e, name(file));
        }
        return kind;
    }

    // ----- .xlsx / .xlsm

    private static void xlsx(Path file, UnaryOperator<List<String>> choose, RowSink sink) throws IOException {
        checkZip(file);
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile())) {
            rows(wb, choose, sink);
        }
    }

    /**
     * An xlsx held in memory (an answer's sheet, decrypted from a sealed bundle; never written to
     * disk in clear): the same zip checks, then the rows of its first sheet.
     *
     * @throws ImportException a zip bomb, not a workbook, unreadable
     */
    public static void readXlsx(byte[] bytes, String name, RowSink sink) {
        try (SafeZip zip = SafeZip.open(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(bytes), XLSX_LIMITS)) {
            if (!zip.files().containsKey("xl/workbook.xml")) {
                throw new ImportException("import.error.notSpreadsheet", name);
            }
            zip.readAll();
        } catch (SafeZip.Refused e) {
            throw refused(e, name);
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            rows(wb, sheets -> sheets.isEmpty() ? sheets : List.of(sheets.get(0)), sink);
        } catch (id.berkasdesa.common.MessageException e) {
            throw e; // the sink's own refusal, in its own words
        } catch (IOException | RuntimeException e) {
            throw new ImportException("import.error.unreadable", e, name);
        }
    }

    private static void rows(ReadableWorkbook wb, UnaryOperator<List<String>> choose, RowSink sink) throws IOException {
        List<Sheet> all = wb.getSheets().toList();
        List<String> wanted = choose.apply(all.stream().map(Sheet::getName).toList());
        for (Sheet sheet : all) {
            if (!wanted.contains(sheet.getName())) {
                continue;
            }
            try (Stream<Row> rows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) rows::iterator) {
                    if (!sink.row(new TableRow(sheet.getName(), row.getRowNum(), cells(row)))) {
                        break;
                    }
                }
            }
        }
    }

    private static List<Cell> cells(Row row) {
        int n = Math.min(row.getCellCount(), MAX_COLUMNS);
        List<Cell> cells = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            org.dhatim.fastexcel.reader.Cell cell = row.getCell(c);
            cells.add(cell == null ? Cell.EMPTY : cell(cell));
        }
        return cells;
    }

    private static Cell cell(org.dhatim.fastexcel.reader.Cell cell) {
        Object value = cell.getValue();
        return switch (cell.getType()) {
            case NUMBER -> value instanceof BigDecimal d ? number(d) : Cell.text(cell.getRawValue());
            // a formula's cell holds its last computed value; the formula itself is never evaluated
            case FORMULA -> value instanceof BigDecimal d ? number(d) : Cell.text(value == null ? cell.getRawValue() : value.toString());
            case STRING -> Cell.text(value == null ? "" : value.toString());
            case BOOLEAN -> Cell.text(String.valueOf(value).toUpperCase(java.util.Locale.ROOT));
            case ERROR, EMPTY -> Cell.EMPTY;
        };
    }

    private static Cell number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return new Cell((s.scale() < 0 ? s.setScale(0) : s).toPlainString(), true);
    }

    /**
     * Unpacks every entry once, counting, before the reader sees the file: an entry that claims a
     * small size and unpacks to gigabytes stops here, at {@link #MAX_UNPACKED_BYTES} in all.
     */
    private static final SafeZip.Limits XLSX_LIMITS = new SafeZip.Limits(MAX_ZIP_ENTRIES, MAX_UNPACKED_BYTES, MAX_UNPACKED_BYTES, Long.MAX_VALUE);

    static void checkZip(Path file) {
        try (SafeZip zip = SafeZip.open(file, XLSX_LIMITS)) {
            if (!zip.files().containsKey("xl/workbook.xml")) {
                throw new ImportException("import.error.notSpreadsheet", name(file));
            }
            zip.readAll();
        } catch (SafeZip.Refused e) {
            throw refused(e, name(file));
        }
    }

    private static ImportException refused(SafeZip.Refused e, String name) {
        return switch (e.fault()) {
            case TOO_MANY_ENTRIES, BOMB -> new ImportException("import.error.bomb", name);
            default -> new ImportException("import.error.unreadable", e, name);
        };
    }

    private static Kind ole2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptedPackage") || root.hasEntry("EncryptionInfo")) {
                throw new ImportException("import.error.password", name(file));
            }
            if (root.hasEntry("Workbook") || root.hasEntry("Book") || root.hasEntry("WORKBOOK")) {
                if (Files.size(file) > MAX_XLS_BYTES) {
                    throw new ImportException("import.error.tooBig", name(file), MAX_XLS_BYTES >> 20);
                }
                return Kind.XLS;
            }
        } catch (ImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportException("import.error.unreadable", e, name(file));
        }
        throw new ImportException("import.error.notSpreadsheet", name(file));
    }

    private static HSSFWorkbook xls(Path file) throws IOException {
        POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
        try {
            return new HSSFWorkbook(fs.getRoot(), true);
        } catch (EncryptedDocumentException e) {
            fs.close();
            throw new ImportException("import.error.password", e, name(file));
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    private static void xls(Path file, UnaryOperator<List<String>> choose, RowSink sink) throws IOException {
        try (HSSFWorkbook wb = xls(file)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                names.add(wb.getSheetName(i));
            }
            List<String> wanted = choose.apply(names);
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(i);
                if (!wanted.contains(sheet.getSheetName())) {
                    continue;
                }
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    int n = Math.min(Math.max(row.getLastCellNum(), 0), MAX_COLUMNS);
                    List<Cell> cells = new ArrayList<>(n);
                    for (int c = 0; c < n; c++) {
                        cells.add(cell(row.getCell(c)));
                    }
                    if (!sink.row(new TableRow(sheet.getSheetName(), row.getRowNum() + 1, cells))) {
                        break;
                    }
                }
            }
        }
    }

    private static Cell cell(org.apache.poi.ss.usermodel.Cell cell) {
        if (cell == null) {
            return Cell.EMPTY;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> number(BigDecimal.valueOf(cell.getNumericCellValue()));
            case STRING -> Cell.text(cell.getStringCellValue());
            case BOOLEAN -> Cell.text(cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            default -> Cell.EMPTY;
        };
    }

    // ----- CSV

    /** UTF-8 text without NUL bytes in its first 64 KiB (a cut multi-byte character at the end is fine). */
    private static boolean looksLikeText(Path file) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return false;
        }
        for (byte b : start) {
            if (b == 0) {
                return false;
            }
        }
        int end = start.length;
        // do not judge a character the 64 KiB cut in half
        while (end > 0 && end > start.length - 4 && (start[end - 1] & 0xC0) == 0x80) {
            end--;
        }
        if (end > 0 && end < start.length && (start[end - 1] & 0xC0) == 0xC0) {
            end--;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(start, 0, end));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static void csv(Path file, RowSink sink) throws IOException {
        char separator;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            // the first lines together: a list may open with title lines that hold no separator at all
            StringBuilder start = new StringBuilder();
            String line;
            for (int i = 0; i < 20 && (line = r.readLine()) != null; i++) {
                start.append(line).append('\n');
            }
            separator = separator(start.toString());
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(reader)) {
            int line = 0;
            while (it.hasNext()) {
                String[] values = it.next();
                line++;
                List<Cell> cells = new ArrayList<>(Math.min(values.length, MAX_COLUMNS));
                for (int c = 0; c < values.length && c < MAX_COLUMNS; c++) {
                    String v = values[c];
                    if (line == 1 && c == 0 && v != null && v.startsWith("\uFEFF")) {
                        v = v.substring(1);
                    }
                    cells.add(Cell.text(v));
                }
                if (!sink.row(new TableRow(CSV_SHEET, line, cells))) {
                    break;
                }
            }
        }
    }

    /** {@code ;} when the file's first lines have more of them than commas (Excel in an Indonesian locale), else {@code ,}; a tab too. */
    static char separator(String header) {
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        long tabs = header.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    public static String name(Path file) {
        Path n = file.getFileName();
        return n == null ? file.toString() : n.toString();
    }
}
