package id.berkasdesa.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.Logger;

/**
 * The logging set-up, in code (found by Logback through {@code META-INF/services}): the same as a
 * logback.xml would say, without the XML reader, which costs half a second of every start.
 *
 * <p>Logs go to {@code <data folder>/logs} (set by the launcher), 1 MB a file, five files kept. They
 * never carry personal data (NIK, names, health conditions): code logs ids and counts only, and H2
 * trace files are off. PDFBox and FontBox describe what they find inside a damaged PDF, which can be
 * the text of a letter (names, diagnoses): they are silenced; the app reports such files itself,
 * without their content.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n%ex{8}";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        String dir = System.getProperty("berkasdesa.logdir", System.getProperty("java.io.tmpdir") + "/berkas-desa-logs");
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(dir + "/berkas-desa.log");
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir + "/berkas-desa.%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(5);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("1MB"));
        trigger.start();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        file.setEncoder(encoder);
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(trigger);
        file.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("org.jdbi").setLevel(Level.WARN);
        context.getLogger("org.apache.pdfbox").setLevel(Level.OFF);
        context.getLogger("org.apache.fontbox").setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
