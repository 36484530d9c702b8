package id.berkasdesa.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version and build date written into the jar by the build. */
public record BuildInfo(String version, String date) {

    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/id/berkasdesa/app/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "dev"
        }
        return new BuildInfo(p.getProperty("version", "dev"), p.getProperty("date", "-"));
    }
}
