package io.migrationplatform.discovery;

import io.migrationplatform.assets.AuditContext;
import io.migrationplatform.discovery.cleansing.RowConverter;
import io.migrationplatform.discovery.store.ImportRepository;
import io.migrationplatform.flows.Flow;
import io.migrationplatform.flows.FlowContext;
import io.migrationplatform.flows.FlowHandler;
import io.migrationplatform.flows.FlowService;
import io.migrationplatform.identity.TenantScope;
import io.migrationplatform.platform.error.ApiException;
import io.migrationplatform.platform.error.FieldError;
import io.migrationplatform.platform.error.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Executes an import as a discovery flow: data_validation → field_mapping → data_cleansing →
 * asset_inventory → dependency_mapping, each a phase of the flow with its counts. A bad row never
 * stops an import; assets are written in one transaction (a crash leaves nothing half-imported) and
 * matched against the inventory, so running an import again — after a crash, a resume or a retry —
 * creates no duplicates. The rows are streamed a chunk at a time in every phase. The flow engine owns
 * the status; a paused or cancelled import stops between phases or between two chunks of a phase,
 * whose uncommitted writes are rolled back (a resume runs that phase again).
 */
@Service
public class ImportExecutor implements FlowHandler {

    public static final String FLOW_TYPE = "discovery";
    public static final List<String> PHASES = List.of("data_validation", "field_mapping", "data_cleansing", "asset_inventory",
            "dependency_mapping");
    private static final Logger log = LoggerFactory.getLogger(ImportExecutor.class);

    private final ImportService imports;
    private final ImportRepository repository;
    private final ImportPhases phases;
    private final ObjectProvider<FlowService> flows;

    ImportExecutor(ImportService imports, ImportRepository repository, ImportPhases phases, ObjectProvider<FlowService> flows) {
        this.imports = imports;
        this.repository = repository;
        this.phases = phases;
        this.flows = flows;
    }

    /** Starts the execution as a discovery flow; answers at once with its flow id. */
    @Transactional
    public Map<String, Object> execute(TenantScope scope, UUID importId, AuditContext context) {
        ImportRecord record = startable(scope, importId);
        Flow flow = flows.getObject().startPrepared(scope, FLOW_TYPE, flowName(record.filename()), configuration(importId, context));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("flow_id", flow.id());
        answer.put("import_id", importId);
        answer.put("status", "running");
        answer.put("phases", PHASES);
        return answer;
    }

    /** A flow's name holds 255 characters, a file name as many: a long name is cut, not refused. */
    static String flowName(String filename) {
        String name = "Import " + filename;
        if (name.length() <= 255) {
            return name;
        }
        int cut = Character.isHighSurrogate(name.charAt(253)) ? 253 : 254; // never half a character
        return name.substring(0, cut) + "…";
    }

    private static Map<String, Object> configuration(UUID importId, AuditContext context) {
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("import_id", importId.toString());
        if (context != null) {
            configuration.put("actor_email", context.actorEmail());
            configuration.put("request_id", context.requestId());
        }
        return configuration;
    }

    @Override
    public String flowType() {
        return FLOW_TYPE;
    }

    @Override
    public List<String> phases() {
        return PHASES;
    }

    /**
     * POST /flows with flow_type discovery: the configuration is {@code {"import_id"}} and nothing else. The audit
     * trail's actor email and request id are the server's to set (execute does); a client must not choose them.
     */
    @Override
    public Map<String, Object> prepare(TenantScope scope, String name, Map<String, Object> configuration) {
        List<FieldError> errors = new ArrayList<>();
        configuration.keySet().stream().filter(key -> !"import_id".equals(key)).sorted()
                .forEach(key -> errors.add(new FieldError("configuration." + key, "Unknown field", "extra_forbidden")));
        UUID importId = null;
        try {
            importId = UUID.fromString(String.valueOf(configuration.get("import_id")));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("configuration.import_id", "An import id is required", "missing"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        startable(scope, importId);
        return configuration(importId, null);
    }

    /** The import must exist in the scope and not be running; its row stays locked until the flow is recorded. */
    private ImportRecord startable(TenantScope scope, UUID importId) {
        repository.lock(scope, importId);
        ImportRecord record = imports.get(scope, importId);
        if ("running".equals(record.status())) {
            throw new ApiException(HttpStatus.CONFLICT, "The import is already running",
                    Map.of("status", record.status(), "flow_id", String.valueOf(record.flowId())));
        }
        return record;
    }

    @Override
    public void created(TenantScope scope, Flow flow) {
        repository.setFlow(UUID.fromString(String.valueOf(flow.configuration().get("import_id"))), flow.id());
    }

    @Override
    public Map<String, Object> run(FlowContext flow) {
        TenantScope scope = flow.scope();
        UUID id = UUID.fromString(String.valueOf(flow.configuration().get("import_id")));
        ImportRecord record = imports.get(scope, id);
        Object email = flow.configuration().get("actor_email");
        Object requestId = flow.configuration().get("request_id");
        AuditContext context = new AuditContext(scope.userId(), email == null ? null : email.toString(), "import:" + id,
                requestId == null ? null : requestId.toString());
        repository.clearRun(id);
        ImportRun run = new ImportRun(scope, record, context, flow);
        for (String phase : PHASES) {
            flow.checkpoint();
            flow.phase(phase);
            flow.counts(phases.run(phase, run));
        }
        log.info("Import {} completed: {}", id, run.result());
        return run.result();
    }

    /** State shared by the phases of one execution: what it remembers of each row, never the rows themselves. */
    static final class ImportRun {
        final TenantScope scope;
        final ImportRecord record;
        final AuditContext context;
        final FlowContext flow;
        final RowConverter converter;
        final RowLedger ledger = new RowLedger();
        final Map<String, Object> result = new LinkedHashMap<>();

        ImportRun(TenantScope scope, ImportRecord record, AuditContext context, FlowContext flow) {
            this.scope = scope;
            this.record = record;
            this.context = context;
            this.flow = flow;
            this.converter = new RowConverter(record.columns(), record.mappings());
        }

        Map<String, Object> result() {
            return result;
        }
    }
}
