package id.berkasdesa.app;

import id.berkasdesa.account.Account;
import id.berkasdesa.account.ui.AccountsDialog;
import id.berkasdesa.account.ui.PasswordDialog;
import id.berkasdesa.audit.ui.AuditDialog;
import id.berkasdesa.backup.ui.BackupDialog;
import id.berkasdesa.backup.ui.CheckDialog;
import id.berkasdesa.backup.ui.RekeyDialog;
import id.berkasdesa.backup.ui.RestoreDialog;
import id.berkasdesa.bundle.ui.DistrictKeyDialog;
import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.document.DocumentSettings;
import id.berkasdesa.document.ui.DocumentSettingsDialog;
import id.berkasdesa.letter.ui.LetterCheckDialog;
import id.berkasdesa.letter.ui.LetterListDialog;
import id.berkasdesa.letter.ui.LetterSettingsDialog;
import id.berkasdesa.request.RequestPolicy;
import id.berkasdesa.request.ui.RequestPages;
import id.berkasdesa.request.ui.RequestSettingsDialog;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.ui.VillageSettingsDialog;
import java.nio.file.Path;
import java.util.Optional;

/** What the menus' items do that is not a page: the dialogs of accounts, backups, settings, letters and help. */
final class MenuCommands {

    private final MainWindow w;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    /** How the store in use is closed for a restore and its sign-in shown again (the app's side). */
    private RestoreDialog.Store storeControl;

    MenuCommands(MainWindow w, Messages messages, BackgroundTasks runner, DialogService dialogs) {
        this.w = w;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    void storeControl(RestoreDialog.Store control) {
        this.storeControl = control;
    }

    /** Berkas > Pengguna (Administrator). */
    void accounts() {
        AccountsDialog d = new AccountsDialog(w.ctx.accounts(), w.ctx.profile().map(id.berkasdesa.village.VillageProfile::nameAndOffice)
                .orElse(""), messages, dialogs, runner);
        d.show();
        // someone left: a key file they may have copied should stop opening the store
        d.disabled().stream().reduce((a, b) -> a + ", " + b).ifPresent(this::rekey);
    }

    /** Berkas > Ganti kunci data (Administrator); {@code disabled} names who just left, or null. */
    void rekey(String disabled) {
        if (storeControl != null) {
            RekeyDialog.show(w.ctx.backups(), w.ctx.accounts().list().stream().filter(Account::active).map(Account::name).toList(),
                    disabled, storeControl, messages, dialogs, runner);
        }
    }

    /** Berkas > Cadangkan ke flashdisk (Administrator), or straight to a stick a bundle just went to. */
    void backup(Optional<Path> stick) {
        new BackupDialog(w.ctx.backups(), messages, dialogs, runner, w.session::showBackupStatus).show(stick);
    }

    /** After a bundle went to a stick: a backup to the same stick, if the Administrator wants it. */
    void offerBackup(Path stick) {
        if (w.ctx.session().role() == Role.ADMINISTRATOR && dialogs.confirm(messages.get("backup.offer.title"),
                messages.get("backup.offer", stick.toString()), messages.get("backup.offer.yes"), messages.get("backup.offer.no"))) {
            backup(Optional.of(stick));
        }
    }

    /** Berkas > Pulihkan dari cadangan (on a new PC before anything, or over this store after a confirmation). */
    void restore() {
        if (storeControl != null) {
            new RestoreDialog(storeControl, messages, dialogs, runner).show();
        }
    }

    /** Berkas > Periksa data (Administrator). */
    void check() {
        CheckDialog.show(w.ctx.backups(), messages, dialogs, runner);
    }

    /** Berkas > Kunci Dinas Sosial (Administrator). */
    void districtKey() {
        new DistrictKeyDialog(w.ctx.districtKeys(), () -> w.ctx.villageFingerprint(), messages, dialogs, runner).show();
    }

    /** Berkas > Rekam jejak (Administrator). */
    void audit() {
        VillageProfile p = w.ctx.profile().orElseThrow();
        new AuditDialog(w.ctx.audit(), w.ctx::personIds, messages, dialogs, runner,
                messages.get("app.village", p.namaDesa(), p.namaKantor())).show();
    }

    /** The signed-in user's own password. */
    void changePassword() {
        if (PasswordDialog.choose(w.ctx.accounts(), messages, dialogs, runner, false)) {
            dialogs.info(messages.get("signin.change.title"), messages.get("signin.change.done"));
        }
    }

    /** Berkas > Pengaturan desa (Administrator): a village without RW. */
    void villageSettings() {
        AppContext ctx = w.ctx;
        VillageSettingsDialog.ask(messages, dialogs, ctx.usesRw).ifPresent(uses -> runner.run("", p -> {
            ctx.villages().usesRw(uses);
            return uses;
        }, saved -> {
            ctx.usesRw = saved;
            w.households.usesRw(saved);
        }, e -> dialogs.error(messages.get("village.settings.title"), messages.get("village.settings.failed"))));
    }

    /** The numbers of the request rules; saving applies them to every open request and says which changed. */
    void requestSettings() {
        record Current(RequestPolicy policy, DocumentSettings documents) {
        }
        runner.run("", p -> new Current(w.ctx.requests().policy(), w.ctx.documents().settings()),
                current -> RequestSettingsDialog.ask(messages, dialogs, current.policy(), current.documents().preset())
                        .ifPresent(policy -> runner.run(messages.get("request.reevaluate.running"),
                                q -> w.ctx.requests().savePolicy(policy), changes -> {
                                    dialogs.info(messages.get("request.reevaluate.title"), RequestPages.describe(messages, changes));
                                    w.requests.refresh();
                                }, this::requestSettingsFailed)),
                this::requestSettingsFailed);
    }

    private void requestSettingsFailed(Throwable e) {
        dialogs.error(messages.get("request.settings.title"), messages.get("request.settings.failed"));
    }

    /** The requirement preset, upload size limit and letter validity of this village. */
    void documentSettings() {
        runner.run("", p -> w.ctx.documents().settings(),
                current -> DocumentSettingsDialog.ask(messages, dialogs, current).ifPresent(settings -> runner.run("", p -> {
                    w.ctx.documents().saveSettings(settings);
                    return settings;
                }, saved -> {
                    w.households.documentSettingsChanged();
                    // the required documents changed: open requests are checked against them now (told when any changed)
                    w.requests.reevaluate(false);
                }, this::documentSettingsFailed)),
                this::documentSettingsFailed);
    }

    private void documentSettingsFailed(Throwable e) {
        dialogs.error(messages.get("document.settings.title"), messages.get("document.settings.failed"));
    }

    /** Surat > Daftar surat: the letters issued; anyone signed in sees them, who may cancel cancels. */
    void letterList() {
        if (w.ctx != null) {
            new LetterListDialog(w.ctx.letters(), w.ctx.session().may("letter.cancel"), messages, dialogs, runner).show();
        }
    }

    /** Surat > Pengaturan surat (Administrator). */
    void letterSettings() {
        new LetterSettingsDialog(w.ctx.letters(), messages, dialogs, runner).show();
    }

    /** Surat > Periksa surat: against this village's key and register when a store is open, else the signature alone. */
    void letterCheck() {
        new LetterCheckDialog(w.ctx == null || w.session.lockedNow() ? null : w.ctx.letters(), messages, dialogs, runner).show();
    }

    /** Bantuan > Tentang, with this village's key as the Dinas Sosial sees it on every bundle. */
    void about() {
        BuildInfo b = BuildInfo.current();
        String text = messages.get("about.text", b.version(), b.date());
        if (w.ctx == null || w.ctx.profile().isEmpty() || w.session.lockedNow()) {
            dialogs.info(messages.get("about.title"), text);
            return;
        }
        // read on the worker: the key is made on first use
        runner.run("", p -> w.ctx.villageFingerprint(), fp -> dialogs.info(messages.get("about.title"),
                text + "\n\n" + messages.get("about.villageKey", fp)), e -> dialogs.info(messages.get("about.title"), text));
    }
}
