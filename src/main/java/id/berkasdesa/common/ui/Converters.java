package id.berkasdesa.common.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Choice lists that show a label for each value and are never typed into as text. */
public final class Converters {

    private Converters() {
    }

    public static <T> StringConverter<T> of(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }
}
