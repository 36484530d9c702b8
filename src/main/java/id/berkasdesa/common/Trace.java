package id.berkasdesa.common;

import java.lang.management.ManagementFactory;

/**
 * Start-up phases on standard error, for the start-up benchmark and for finding where a start's
 * time goes: {@code trace <phase> <ms since the JVM started>}. Off unless {@code BERKAS_DESA_TRACE=1}
 * (or {@code -Dberkasdesa.trace=true}); never carries data, only phase names.
 */
public final class Trace {

    private static final boolean ON = "1".equals(System.getenv("BERKAS_DESA_TRACE")) || Boolean.getBoolean("berkasdesa.trace");

    private Trace() {
    }

    public static void mark(String phase) {
        if (ON) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("trace " + phase + " " + ms);
        }
    }
}
