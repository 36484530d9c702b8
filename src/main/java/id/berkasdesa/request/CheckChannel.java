package id.berkasdesa.request;

import id.berkasdesa.common.Keyed;

/** Where the operator confirmed that the card is inactive. */
public enum CheckChannel implements Keyed {
    MOBILE_JKN, PANDAWA, CARE_CENTER_165, CHIKA, FASKES;

    @Override
    public String key() {
        return "request.channel." + name();
    }
}
