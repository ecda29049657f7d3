package fr.gestan.cloud.compliance.internal.documents;

/** The vendor that runs the offer: the processor in the GDPR documents (from the source page). */
public final class Vendor {

    public static final String NAME = "ICS-Informatique";
    public static final String FORM_FR = "SARL de droit français";
    public static final String FORM_EN = "French limited-liability company (SARL)";
    public static final String PRODUCT = "Gestan Cloud";

    private Vendor() {
    }
}
