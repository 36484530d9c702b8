package id.berkasdesa.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/**
 * The JSON files of a bag ({@link Paket}, {@link Balasan}) as records: read whole (they are small),
 * schema and version checked before anything else, fields this version does not know ignored (a
 * newer minor writer may add some); written indented, as people read them too.
 */
public final class ExchangeJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ExchangeJson() {
    }

    /** The village's {@code data/paket.json}. @throws BundleException not JSON, another schema or version */
    public static Paket paket(BagReader reader) {
        return read(reader, Paket.PATH, Paket.SCHEMA, Paket.VERSION, Paket.class);
    }

    /** The district's {@code data/balasan.json}. @throws BundleException not JSON, another schema or version */
    public static Balasan balasan(BagReader reader) {
        return read(reader, Balasan.PATH, Balasan.SCHEMA, Balasan.VERSION, Balasan.class);
    }

    public static byte[] write(Object file) {
        try {
            return MAPPER.writeValueAsBytes(file);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(BagReader reader, String path, String schema, int version, Class<T> type) {
        JsonNode root;
        try {
            root = MAPPER.readTree(reader.bytes(path, BagReader.MAX_SMALL_FILE));
        } catch (JsonProcessingException e) {
            throw new BundleException("bundle.error.json", e, path);
        } catch (IOException e) {
            throw new BundleException("bundle.error.damaged", e, path);
        }
        if (root == null || !root.isObject() || !schema.equals(root.path("schema").asText(null))) {
            throw new BundleException("bundle.error.schema", path,
                    root == null || !root.isObject() ? "null" : root.path("schema").asText("null"));
        }
        JsonNode v = root.get("versi");
        if (v == null || !v.isInt() || v.intValue() != version) {
            throw new BundleException("bundle.error.version", path, String.valueOf(v), version);
        }
        try {
            return MAPPER.treeToValue(root, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BundleException("bundle.error.json", e, path);
        }
    }
}
