package id.berkasdesa.request;

/** Where the operator confirmed that the card is inactive. */
public enum CheckChannel {
    MOBILE_JKN, PANDAWA, CARE_CENTER_165, CHIKA, FASKES;

    public String key() {
        return "request.channel." + name();
    }
}
