package fr.gestan.cloud.hosting.api;

import java.util.List;

/** A data centre as other modules and the web layer see it. */
public record DataCentreView(long id, String code, String city, String countryCode, String operatorName,
                             List<CertificationView> certifications) implements java.io.Serializable {

    public DataCentreView(long id, String code, String city, String countryCode, String operatorName) {
        this(id, code, city, countryCode, operatorName, List.of());
    }
}
