package fr.gestan.cloud.hosting.internal;

import fr.gestan.cloud.common.persistence.GeneratedId;
import fr.gestan.cloud.hosting.api.DataCentreView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A data centre of a hosting operator, such as Scaleway's DC3 in Vitry-sur-Seine. */
@Entity
@jakarta.persistence.EntityListeners({ServersCache.Listener.class, fr.gestan.cloud.common.persistence.ReferenceWrites.Listener.class}) // the servers' site (code, city); the reference data of compliance evaluations (SharedReferenceCache)
@Table(name = "data_centre")
// Certifications fetched with the data centres: the list shows them all (one statement, not one per data centre).
@NamedQuery(name = DataCentre.ALL, query = "select d from DataCentre d left join fetch d.certifications order by d.code")
@NamedQuery(name = DataCentre.COUNT_BY_CODE, query = "select count(d) from DataCentre d where d.code = :code")
@NamedQuery(name = DataCentre.BY_CODE, query = "select d from DataCentre d where d.code = :code")
@NamedQuery(name = DataCentre.CODES_BY_OPERATOR, query = "select d.operator.id, d.code from DataCentre d order by d.code")
public class DataCentre extends GeneratedId {

    static final String CODES_BY_OPERATOR = "DataCentre.codesByOperator", ALL = "DataCentre.all",
            COUNT_BY_CODE = "DataCentre.countByCode", BY_CODE = "DataCentre.byCode";

    private String code;

    private String city;

    private String countryCode;

    private String operatorName;

    // Lazy: the views and the servers' joins need only the operator's name, kept in operatorName.
    @ManyToOne(fetch = FetchType.LAZY)
    private HostingOperator operator;

    @ElementCollection
    @CollectionTable(name = "dc_certification", joinColumns = @JoinColumn(name = "data_centre_id"))
    @OrderBy("name")
    private List<Certification> certifications = new ArrayList<>();

    protected DataCentre() {
        // for JPA
    }

    public DataCentre(String code, String city, String countryCode, String operatorName) {
        this.code = Checks.required(code, "code").toUpperCase(Locale.ROOT);
        this.city = Checks.required(city, "city");
        this.countryCode = Checks.country(countryCode);
        this.operatorName = Checks.required(operatorName, "operator");
    }

    public DataCentre(String code, String city, String countryCode, HostingOperator operator) {
        this(code, city, countryCode, operator.legalName());
        this.operator = operator;
    }

    void operatedBy(HostingOperator operator) {
        this.operator = operator;
    }

    void certify(String name, String issuer, LocalDate expiresOn) {
        certifications.add(new Certification(name, issuer, expiresOn));
        // a collection element: no entity listener sees it, and compliance evaluations read the certifications
        fr.gestan.cloud.common.persistence.ReferenceWrites.GENERATION.changed();
    }

    /** The operator's record, when the data centre is linked to one (older rows only have its name). */
    HostingOperator operator() {
        return operator;
    }

    String code() {
        return code;
    }

    String countryCode() {
        return countryCode;
    }

    String city() {
        return city;
    }

    DataCentreView toView() {
        return new DataCentreView(id(), code, city, countryCode, operatorName,
                certifications.stream().map(Certification::toView)
                        .sorted(Comparator.comparing(c -> c.name())).toList());
    }
}
