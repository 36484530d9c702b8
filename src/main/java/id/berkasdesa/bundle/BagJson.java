package id.berkasdesa.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** The JSON files of a bag (paket.json, balasan.json): read whole (they are small), schema and version checked. */
final class BagJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BagJson() {
    }

    /**
     * @throws BundleException not JSON, another schema, or a version this app does not know
     */
    static Map<String, Object> object(BagReader reader, String path, String schema, int version) {
        Map<String, Object> root;
        try {
            root = MAPPER.readValue(reader.bytes(path, BagReader.MAX_SMALL_FILE), new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new BundleException("bundle.error.json", e, path);
        } catch (IOException e) {
            throw new BundleException("bundle.error.damaged", e, path);
        }
        if (root == null || !schema.equals(root.get("schema"))) {
            throw new BundleException("bundle.error.schema", path, String.valueOf(root == null ? null : root.get("schema")));
        }
        if (!(root.get("versi") instanceof Integer v) || v != version) {
            throw new BundleException("bundle.error.version", path, String.valueOf(root.get("versi")), version);
        }
        return root;
    }
}
