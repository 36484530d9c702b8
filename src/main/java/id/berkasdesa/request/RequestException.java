package id.berkasdesa.request;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import java.util.Arrays;

/** A request cannot be made or changed as asked; the key says why and what to do. */
public final class RequestException extends MessageException {

    private static final long serialVersionUID = 1L;

    public RequestException(String key, Object... args) {
        super(key, null, args);
    }

    @Override
    public String message(Messages messages) {
        return Texts.render(messages, key(), Arrays.asList(args()));
    }
}
