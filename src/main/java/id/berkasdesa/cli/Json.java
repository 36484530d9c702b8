package id.berkasdesa.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * One JSON object per line, as the commands print them. Written with Jackson's streaming generator:
 * a command that prints a line does not wait for the whole data-binding layer to load (about 400
 * classes, a good part of a short command's time); a value of another kind than the plain ones goes
 * through the object mapper as before.
 */
final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {
    }

    /** Loaded only for a value that is not a string, number, boolean, list or map. */
    private static final class Mapper {
        static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    }

    /**
     * A failed command: one JSON line on standard output ({@code ok} false, the message key as
     * {@code error}, the message in Bahasa Indonesia) and the message alone on standard error.
     *
     * @return {@code exitCode}, for the command to return
     */
    static int fail(int exitCode, String key, String message) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("ok", false);
        fields.put("error", key);
        fields.put("message", message);
        System.out.println(line(fields));
        System.err.println(message);
        return exitCode;
    }

    static String line(Map<String, ?> fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof CharSequence s) {
            g.writeString(s.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Float f) {
            g.writeNumber(f);
        } else if (v instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (v instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> list) {
            g.writeStartArray();
            for (Object x : list) {
                write(g, x);
            }
            g.writeEndArray();
        } else {
            g.writeRawValue(Mapper.MAPPER.writeValueAsString(v));
        }
    }
}
