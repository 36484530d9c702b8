package id.berkasdesa.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLIntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

class SafeLogTest {

    @Test
    void aFailureIsDescribedWithoutItsMessages() {
        Exception e = new IllegalStateException("saving BUDI SANTOSO 3201015708850003",
                new SQLIntegrityConstraintViolationException("Unique index violation: '3201015708850003'", "23505", 23505));
        String line = SafeLog.describe(e);
        assertThat(line).doesNotContain("3201015708850003").doesNotContain("BUDI");
        assertThat(line).contains("IllegalStateException").contains("SQLState 23505").contains("SafeLogTest");
    }
}
