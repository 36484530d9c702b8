package id.berkasdesa.document;

import id.berkasdesa.files.DocumentException;
import id.berkasdesa.files.FileType;
import id.berkasdesa.files.ByteSource;
import id.berkasdesa.files.DocumentStore;
import id.berkasdesa.common.ChangeListeners;
import id.berkasdesa.db.Database;
import id.berkasdesa.settings.SettingsStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Documents of households and members: attach (check, upload copy, store, one durable row), rotate,
 * detach, list, and the start-up check of the document store.
 *
 * <p>Order of an attach, for power cuts: every file is written to a temp name and forced to disk,
 * then moved to its content name, and only then is the row committed (and forced). A cut before the
 * commit leaves files no row names, which {@link #sweep} removes at the next start.
 */
public final class DocumentService {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);
    public static final int MAX_FILES = 30;

    private final Database db;
    private final DocumentStore store;
    private final SettingsStore settings;
    private final Clock clock;
    private final ChangeListeners changed = new ChangeListeners();

    public DocumentService(Database db, SettingsStore settings, Clock clock) {
        this.db = db;
        this.store = new DocumentStore(db.dataDir(), db.storeKey());
        this.settings = settings;
        this.clock = clock;
    }

    /** Told the household after each committed attach or detach. */
    public void onHouseholdChanged(Consumer<UUID> listener) {
        changed.listen(listener);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * What the operator says about the files being attached.
     *
     * @param memberId null for a household document
     */
    public record Attach(UUID householdId, UUID memberId, DocumentKind kind, String label, LocalDate tanggal,
            String faskes, Diagnosis diagnosis) {
    }

    /** A file to attach: its name for the operator, and how to read it. */
    public record Input(String name, Opener opener) {
        public static Input of(Path file) {
            return new Input(String.valueOf(file.getFileName()), () -> {
                if (Files.isRegularFile(file) && Files.size(file) > DocumentStore.MAX_FILE_BYTES) {
                    throw new DocumentException("document.error.tooLarge", String.valueOf(file.getFileName()),
                            DocumentStore.MAX_FILE_BYTES / (1024 * 1024));
                }
                return Files.newInputStream(file);
            });
        }
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }

    /** The problem with what the operator said, before any file is read; empty when it is fine. */
    /**
     * The operator's files checked before anything is asked about them: empty, of an unknown type,
     * truncated or corrupt, a PDF with a password — the same checks as the attach makes, so the type
     * and date are never asked for a file that will be refused. Reads only.
     */
    public Optional<DocumentException> checkFiles(List<Path> files) {
        for (Path file : files) {
            String name = String.valueOf(file.getFileName());
            try {
                long size = java.nio.file.Files.size(file);
                ByteSource source = new ByteSource() {
                    @Override
                    public long size() {
                        return size;
                    }

                    @Override
                    public java.io.InputStream open() throws java.io.IOException {
                        return java.nio.file.Files.newInputStream(file);
                    }

                    @Override
                    public org.apache.pdfbox.io.RandomAccessRead randomAccess() throws java.io.IOException {
                        return new org.apache.pdfbox.io.RandomAccessReadBufferedFile(file.toFile());
                    }
                };
                SourceFile checked = SourceFile.check(source, "", size, name);
                if (checked.type() == FileType.JPEG && !endsAsJpeg(source.tail(64))) {
                    // cut short on a full stick or a broken transfer: a JPEG ends with its EOI marker
                    throw new DocumentException("document.error.corruptImage", name);
                }
            } catch (DocumentException e) {
                return Optional.of(e);
            } catch (java.io.IOException e) {
                return Optional.of(new DocumentException("document.error.unreadable", e, name));
            }
        }
        return Optional.empty();
    }

    /** Whether the last bytes of a JPEG hold its end marker (FF D9), as every whole one does. */
    private static boolean endsAsJpeg(byte[] tail) {
        for (int i = tail.length - 2; i >= 0; i--) {
            if ((tail[i] & 0xFF) == 0xFF && (tail[i + 1] & 0xFF) == 0xD9) {
                return true;
            }
        }
        return false;
    }

    public Optional<DocumentException> problem(Attach a) {
        String key = null;
        if (a.kind() == null) {
            key = "document.error.kindMissing";
        } else if (!a.kind().allows(a.memberId() != null)) {
            key = a.memberId() == null ? "document.error.needsMember" : "document.error.needsHousehold";
        } else if (a.tanggal() == null) {
            key = "document.error.dateMissing";
        } else if (a.tanggal().isAfter(today())) {
            key = "document.error.dateFuture";
        } else if (a.kind() == DocumentKind.LAINNYA && blank(a.label())) {
            key = "document.error.labelMissing";
        } else if (a.kind() == DocumentKind.FASKES && (blank(a.faskes()) || a.diagnosis() == null)) {
            key = "document.error.faskesMissing";
        }
        return Optional.ofNullable(key).map(DocumentException::new);
    }

    public Document attach(Attach a, List<Path> files) {
        db.require("document.attach"); // before any file is copied or written: a role that may not, changes nothing
        return attachInputs(a, files.stream().map(Input::of).toList());
    }

    /**
     * Attaches the files, in order, as one document. Throws {@link DocumentException} with the
     * reason when anything is wrong; the store is then as it was.
     */
    public Document attachInputs(Attach a, List<Input> inputs) {
        problem(a).ifPresent(e -> {
            throw e;
        });
        if (inputs.isEmpty()) {
            throw new DocumentException("document.error.noFiles");
        }
        if (inputs.size() > MAX_FILES) {
            throw new DocumentException("document.error.tooManyFiles", MAX_FILES);
        }
        DocumentSettings s = settings();
        List<DocumentStore.Staged> staged = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        Document attached;
        try {
            List<SourceFile> sources = new ArrayList<>();
            for (Input input : inputs) {
                DocumentStore.Staged file = stage(input);
                staged.add(file);
                sources.add(SourceFile.check(file.source(), file.sha256(), file.size(), input.name()));
            }
            UploadCopy.Result copy = UploadCopy.make(sources, 0, s.maxCopyBytes());
            DocumentStore.Staged copyFile = store.stage(copy.bytes(), "copy");
            staged.add(copyFile);
            for (DocumentStore.Staged file : staged) {
                if (store.place(file)) {
                    placed.add(file.sha256());
                }
            }
            UUID id = UUID.randomUUID();
            db.write("document.attach", h -> {
                DocumentDao dao = h.attach(DocumentDao.class);
                checkOwner(dao, a);
                db.about("document", id, "kind", "owner", "file");
                dao.insert(id, a.householdId(), a.memberId(), a.kind().name(), trimToNull(a.label()), a.tanggal(),
                        trimToNull(a.faskes()), a.diagnosis() == null ? null : a.diagnosis().name(), 0,
                        copyFile.sha256(), copy.type().name(), copyFile.size(), copy.pages(), copy.overLimit(),
                        OffsetDateTime.now(clock), db.session().operator().isEmpty() ? null : db.session().operator());
                for (int i = 0; i < sources.size(); i++) {
                    SourceFile f = sources.get(i);
                    dao.insertSource(id, i, f.sha256(), f.type().name(), f.size(), f.name(), f.pages());
                }
                return null;
            });
            attached = find(id).orElseThrow();
        } catch (RuntimeException e) {
            staged.forEach(store::discard);
            removeUnreferenced(placed);
            throw integrityViolation(e) ? new DocumentException("document.error.ownerGone", e) : e;
        }
        changed.fire(a.householdId());
        return attached;
    }

    /** The household or member was removed while the files were being prepared (SQLState class 23). */
    private static boolean integrityViolation(RuntimeException e) {
        return e instanceof UnableToExecuteStatementException u && u.getCause() instanceof java.sql.SQLException sql
                && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }

    private DocumentStore.Staged stage(Input input) {
        try (InputStream in = input.opener().open()) {
            return store.stage(in, input.name());
        } catch (IOException e) {
            throw new DocumentException("document.error.unreadable", e, input.name());
        }
    }

    private static void checkOwner(DocumentDao dao, Attach a) {
        boolean known = a.memberId() == null ? dao.householdExists(a.householdId()) == 1
                : dao.memberOf(a.memberId(), a.householdId()) == 1;
        if (!known) {
            throw new DocumentException("document.error.ownerGone");
        }
    }

    /** Turns a document a quarter turn ({@code quarterTurns} clockwise, negative for counter-clockwise). */
    public Document rotate(UUID id, int quarterTurns) {
        db.require("document.rotate"); // the role first: a Pemeriksa hears that, not what else is wrong
        Document d = find(id).orElseThrow(() -> new DocumentException("document.error.gone"));
        int rotation = Math.floorMod(d.rotation() + 90 * quarterTurns, 360);
        List<SourceFile> sources = new ArrayList<>();
        for (SourceInfo src : sources(id)) {
            sources.add(SourceFile.check(store.source(src.sha256()), src.sha256(), src.size(), src.fileName()));
        }
        UploadCopy.Result copy = UploadCopy.make(sources, rotation, settings().maxCopyBytes());
        DocumentStore.Staged file = store.stage(copy.bytes(), "copy");
        boolean isNew = store.place(file);
        try {
            db.write("document.rotate", h -> {
                db.about("document", id, "rotation");
                return h.attach(DocumentDao.class).updateCopy(id, rotation, file.sha256(), copy.type().name(),
                        file.size(), copy.pages(), copy.overLimit());
            });
        } catch (RuntimeException e) {
            if (isNew) {
                removeUnreferenced(Set.of(file.sha256()));
            }
            throw e;
        }
        removeUnreferenced(Set.of(d.copySha256()));
        return find(id).orElseThrow();
    }

    /** Detaches a document; its files go when no other document uses them. */
    public void detach(UUID id) {
        db.require("document.detach"); // the role first: a Pemeriksa hears that, not what else is wrong
        Optional<Document> d = find(id);
        if (d.isEmpty()) {
            return;
        }
        Set<String> files = new LinkedHashSet<>();
        files.add(d.get().copySha256());
        sources(id).forEach(s -> files.add(s.sha256()));
        db.write("document.detach", h -> {
            db.about("document", id);
            return h.attach(DocumentDao.class).delete(id);
        });
        removeUnreferenced(files);
        changed.fire(d.get().householdId());
    }

    private void removeUnreferenced(Set<String> files) {
        for (String sha : files) {
            try {
                if (db.read(h -> h.attach(DocumentDao.class).references(sha)) == 0) {
                    store.delete(sha);
                }
            } catch (RuntimeException e) {
                // left for the start-up sweep
            }
        }
    }

    public Optional<Document> find(UUID id) {
        return db.read(h -> h.attach(DocumentDao.class).find(id));
    }

    /** All documents of a household, its own and its members', oldest first. */
    public List<Document> forHousehold(UUID householdId) {
        return db.read(h -> h.attach(DocumentDao.class).forHousehold(householdId));
    }

    public List<SourceInfo> sources(UUID documentId) {
        return db.read(h -> h.attach(DocumentDao.class).sources(documentId));
    }

    /** The upload copy's bytes. */
    public byte[] copyBytes(Document d) {
        return store.read(d.copySha256());
    }

    /**
     * Streams the upload copy.
     *
     * @throws DocumentException when its file is missing from the data folder
     */
    public InputStream openCopy(Document d) {
        try {
            return store.open(d.copySha256());
        } catch (IOException e) {
            throw new DocumentException("document.error.missingFile", e);
        }
    }

    public byte[] sourceBytes(SourceInfo s) {
        return store.read(s.sha256());
    }

    public int count() {
        return db.read(h -> h.attach(DocumentDao.class).count());
    }

    public DocumentSettings settings() {
        return DocumentSettings.from(settings.read(DocumentSettings.PREFIX));
    }

    public void saveSettings(DocumentSettings s) {
        db.require("settings.change"); // before any file is copied or written: a role that may not, changes nothing
        settings.write(s.toMap());
    }

    /**
     * The start-up check: clears temp files and files no document names (an attach cut short), and
     * reports documents whose files are missing. Runs before anything can attach.
     */
    /** Every file the store's rows name (upload copies and originals), by SHA-256: for a store nobody is signed in to. */
    public static Set<String> referenced(Database db) {
        return new HashSet<>(db.read(h -> h.attach(DocumentDao.class).referenced()));
    }

    public DocumentStore.Sweep sweep() {
        // on a database server the district's scans are in the database: the folder keeps only the village's files
        Set<String> referenced = new HashSet<>(db.read(h -> db.keepsDocumentBytes() ? h.attach(DocumentDao.class).referencedInFolder()
                : h.attach(DocumentDao.class).referenced()));
        DocumentStore.Sweep sweep = store.sweep(referenced);
        if (sweep.orphansRemoved() + sweep.tempRemoved() > 0 || !sweep.missing().isEmpty()) {
            LOG.warn("document store check: {} unreferenced files removed, {} temp files removed, {} files missing",
                    sweep.orphansRemoved(), sweep.tempRemoved(), sweep.missing().size());
        }
        return sweep;
    }

    /** For tests and the durability check: the store behind this service. */
    DocumentStore store() {
        return store;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
