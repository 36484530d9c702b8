package id.berkasdesa.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The suite may hash cheaply; the app never does: without the test switch, new hashes get the production cost. */
class PasswordsCostTest {

    @Test
    void theProductionCostUnlessTheTestRunAsksForTheCheapOne() {
        String before = System.clearProperty(Passwords.Cost.TEST_PROPERTY);
        try {
            assertThat(Passwords.Cost.forThisRun()).isEqualTo(Passwords.Cost.DEFAULT);
            assertThat(new Passwords(Passwords.Cost.forThisRun()).hash("kopi tubruk pagi hari".toCharArray()))
                    .startsWith("$argon2id$v=19$m=47104,t=2,p=1$");
            System.setProperty(Passwords.Cost.TEST_PROPERTY, "true");
            assertThat(Passwords.Cost.forThisRun()).isEqualTo(Passwords.Cost.TEST);
            // a hash made at the test cost is weaker than the production cost: re-made at the next sign-in
            assertThat(new Passwords(Passwords.Cost.DEFAULT).weakerThanNow(
                    new Passwords(Passwords.Cost.TEST).hash("kopi tubruk pagi hari".toCharArray()))).isTrue();
        } finally {
            if (before == null) {
                System.clearProperty(Passwords.Cost.TEST_PROPERTY);
            } else {
                System.setProperty(Passwords.Cost.TEST_PROPERTY, before);
            }
        }
    }
}
