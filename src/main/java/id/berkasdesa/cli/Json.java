package id.berkasdesa.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** One JSON object per line, as the commands print them. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
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
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
