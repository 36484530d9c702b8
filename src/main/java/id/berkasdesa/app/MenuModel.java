package id.berkasdesa.app;

import id.berkasdesa.common.Session;
import java.util.List;
import java.util.Map;
import javafx.scene.control.MenuItem;

/**
 * What the menus offer, by the window's state: nothing that shows data before a sign-in, and signed in
 * only what the session may do. Each item asks the session about the action its work is recorded
 * under ({@code common.Actions}), as the store will: the store refuses it anyway, the menu just does
 * not offer it.
 */
final class MenuModel {

    private final MainWindow w;
    /** Items offered whenever the session may do their action. */
    private final Map<MenuItem, String> byAction;

    MenuModel(MainWindow w) {
        this.w = w;
        this.byAction = Map.of(
                w.villageSettingsItem, "settings.change",
                w.documentSettingsItem, "settings.change",
                w.requestSettingsItem, "settings.change",
                w.exportItem, "bundle.export",
                w.responseItem, "response.import",
                w.importItem, "household.import",
                w.exportRegisterItem, "household.export",
                w.pbiItem, "request.importPbi",
                w.auditItem, "audit.view",
                w.backupItem, "backup.create");
    }

    /** The store's key waits for a password: only the sign-in, a restore and the help. */
    void lockedStore(boolean district) {
        for (MenuItem item : List.of(w.registerItem, w.documentSettingsItem, w.requestSettingsItem, w.reevaluateItem,
                w.passwordItem, w.switchUserItem, w.signOutItem, w.accountsItem, w.lockSettingsItem, w.villageSettingsItem,
                w.auditItem, w.districtKeyItem, w.backupItem, w.checkItem, w.importItem, w.exportRegisterItem)) {
            item.setDisable(true);
        }
        w.bundleMenu.setDisable(true);
        w.requestMenu.setDisable(true);
        if (district) {
            // a Dinas Sosial's sign-in: the village's register, requests, bundles and letters are not its
            // (its own window, with its own menus, takes over once someone signs in)
            for (MenuItem item : List.of(w.registerItem, w.documentSettingsItem, w.requestSettingsItem, w.reevaluateItem,
                    w.registerSeparator, w.importItem, w.exportRegisterItem, w.importSeparator, w.startRealItem,
                    w.districtKeyItem, w.villageSettingsItem, w.letterListItem, w.letterSeparator, w.letterSettingsItem)) {
                item.setVisible(false);
            }
            w.bundleMenu.setVisible(false);
            w.requestMenu.setVisible(false);
        }
    }

    /** The village is being set up: nothing of the register yet. */
    void setup() {
        for (MenuItem item : List.of(w.registerItem, w.documentSettingsItem, w.requestSettingsItem, w.reevaluateItem,
                w.importItem, w.exportRegisterItem)) {
            item.setDisable(true);
        }
        w.bundleMenu.setDisable(true);
        w.requestMenu.setDisable(true);
        w.startRealItem.setVisible(false);
    }

    /** Signed in (or not yet, {@code locked}) on a village that is set up. */
    void signedIn(boolean locked, Session who, boolean accountsExist) {
        for (MenuItem item : List.of(w.registerItem, w.documentSettingsItem, w.requestSettingsItem, w.reevaluateItem)) {
            item.setDisable(locked);
        }
        w.bundleMenu.setDisable(locked);
        w.requestMenu.setDisable(locked);
        w.passwordItem.setDisable(locked || !who.signedIn() || !accountsExist);
        w.switchUserItem.setDisable(w.passwordItem.isDisable());
        w.signOutItem.setDisable(w.passwordItem.isDisable());
        w.accountsItem.setDisable(w.passwordItem.isDisable() || !who.may("operator.list"));
        w.lockSettingsItem.setDisable(w.accountsItem.isDisable());
        byAction.forEach((item, action) -> item.setDisable(locked || !who.may(action)));
        w.checkItem.setDisable(locked || !who.may("audit.verify"));
        w.rekeyItem.setDisable(locked || !who.may("backup.rekey"));
        w.letterListItem.setDisable(locked || !who.signedIn() && accountsExist);
        w.letterSettingsItem.setDisable(locked || !who.may("settings.change"));
        w.districtKeyItem.setDisable(locked || !who.may("district.import"));
        // at the sign-in anyone may restore with an Administrator's password; signed in, only who may restore
        w.restoreItem.setDisable(!locked && !who.may("backup.restore"));
    }

    /** The sample village offers to start the real one. */
    void sample(boolean sample) {
        w.startRealItem.setVisible(sample);
    }
}
