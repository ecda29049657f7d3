package fr.gestan.cloud.contracts.internal;

import fr.gestan.cloud.contracts.api.DataCentreView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.Locale;

/** A data centre of a hosting operator, such as Scaleway's DC3 in Vitry-sur-Seine. */
@Entity
@Table(name = "data_centre")
@NamedQuery(name = DataCentre.ALL, query = "select d from DataCentre d order by d.code")
@NamedQuery(name = DataCentre.COUNT_BY_CODE, query = "select count(d) from DataCentre d where d.code = :code")
public class DataCentre {

    static final String ALL = "DataCentre.all";
    static final String COUNT_BY_CODE = "DataCentre.countByCode";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 16)
    private String code;

    @Column(nullable = false, length = 100)
    private String city;

    @Column(name = "country_code", nullable = false, length = 2)
    private String countryCode;

    @Column(name = "operator_name", nullable = false, length = 200)
    private String operatorName;

    protected DataCentre() {
        // for JPA
    }

    public DataCentre(String code, String city, String countryCode, String operatorName) {
        this.code = required(code, "code").toUpperCase(Locale.ROOT);
        this.city = required(city, "city");
        this.countryCode = required(countryCode, "country code").toUpperCase(Locale.ROOT);
        if (!this.countryCode.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("country code must be ISO 3166-1 alpha-2: " + countryCode);
        }
        this.operatorName = required(operatorName, "operator");
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value.strip();
    }

    DataCentreView toView() {
        return new DataCentreView(id, code, city, countryCode, operatorName);
    }
}
