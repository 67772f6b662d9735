<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
  <context>
    <name>ChecklistsPage</name>
    <message numerus="yes">
      <source>%n checklist(s) available</source>
      <translation>
        <numerusform>%n checklist available</numerusform>
        <numerusform>%n checklists available</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) could not be loaded. Correct them and open this page again:</source>
      <translation>
        <numerusform>%n file could not be loaded. Correct them and open this page again:</numerusform>
        <numerusform>%n files could not be loaded. Correct them and open this page again:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DocumentView</name>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FindingEditor</name>
    <message numerus="yes">
      <source>Repeat hazard: found here %n time(s) before</source>
      <translation>
        <numerusform>Repeat hazard: found here %n time before</numerusform>
        <numerusform>Repeat hazard: found here %n times before</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Adding %n photo(s) …</source>
      <translation>
        <numerusform>Adding %n photo …</numerusform>
        <numerusform>Adding %n photos …</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) not added:</source>
      <translation>
        <numerusform>%n photo not added:</numerusform>
        <numerusform>%n photos not added:</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FinishDialog</name>
    <message numerus="yes">
      <source>%n problem(s) still open. Double-click one (or press Enter) to go to it.</source>
      <translation>
        <numerusform>%n problem still open. Double-click one (or press Enter) to go to it.</numerusform>
        <numerusform>%n problems still open. Double-click one (or press Enter) to go to it.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HazardPanel</name>
    <message numerus="yes">
      <source>Repeat: %n earlier hazard(s)</source>
      <translation>
        <numerusform>Repeat: %n earlier hazard</numerusform>
        <numerusform>Repeat: %n earlier hazards</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HomePage</name>
    <message numerus="yes">
      <source>%n enterprise(s) registered</source>
      <translation>
        <numerusform>%n enterprise registered</numerusform>
        <numerusform>%n enterprises registered</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n inspection(s) this year</source>
      <translation>
        <numerusform>%n inspection this year</numerusform>
        <numerusform>%n inspections this year</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n open hazard(s)</source>
      <translation>
        <numerusform>%n open hazard</numerusform>
        <numerusform>%n open hazards</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Never exported: %n record(s) to take to the office.</source>
      <translation>
        <numerusform>Never exported: %n record to take to the office.</numerusform>
        <numerusform>Never exported: %n records to take to the office.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Not yet exported: %n record(s) changed since the last export.</source>
      <translation>
        <numerusform>Not yet exported: %n record changed since the last export.</numerusform>
        <numerusform>Not yet exported: %n records changed since the last export.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported but not yet acknowledged by the office: %n record(s).</source>
      <translation>
        <numerusform>Exported but not yet acknowledged by the office: %n record.</numerusform>
        <numerusform>Exported but not yet acknowledged by the office: %n records.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>… and %n more</source>
      <translation>
        <numerusform>… and %n more</numerusform>
        <numerusform>… and %n more</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message numerus="yes">
      <source>Importing %n row(s) …</source>
      <translation>
        <numerusform>Importing %n row …</numerusform>
        <numerusform>Importing %n rows …</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>LedgerPage</name>
    <message numerus="yes">
      <source>%n hazard(s)</source>
      <translation>
        <numerusform>%n hazard</numerusform>
        <numerusform>%n hazards</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>NewInspectionDialog</name>
    <message numerus="yes">
      <source>%1 (%2, %3, %n item(s))</source>
      <translation>
        <numerusform>%1 (%2, %3, %n item)</numerusform>
        <numerusform>%1 (%2, %3, %n items)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PhotoPicker</name>
    <message numerus="yes">
      <source>%n photo(s)</source>
      <translation>
        <numerusform>%n photo</numerusform>
        <numerusform>%n photos</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ProfileDialog</name>
    <message numerus="yes">
      <source>%n document(s) were already numbered on this laptop (for example %1). They keep their numbers. These number blocks stay in use until they run out: %2. Laptop number %3 applies only to document kinds and years without a block yet. Change it?</source>
      <translation>
        <numerusform>%n document was already numbered on this laptop (for example %1). They keep their numbers. These number blocks stay in use until they run out: %2. Laptop number %3 applies only to document kinds and years without a block yet. Change it?</numerusform>
        <numerusform>%n documents were already numbered on this laptop (for example %1). They keep their numbers. These number blocks stay in use until they run out: %2. Laptop number %3 applies only to document kinds and years without a block yet. Change it?</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>RecheckDialog</name>
    <message numerus="yes">
      <source>%n photo(s) recorded</source>
      <translation>
        <numerusform>%n photo recorded</numerusform>
        <numerusform>%n photos recorded</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>SyncPage</name>
    <message numerus="yes">
      <source>Never exported: %n record(s) to take to the office.</source>
      <translation>
        <numerusform>Never exported: %n record to take to the office.</numerusform>
        <numerusform>Never exported: %n records to take to the office.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n record(s) changed since the last export: not yet exported.</source>
      <translation>
        <numerusform>%n record changed since the last export: not yet exported.</numerusform>
        <numerusform>%n records changed since the last export: not yet exported.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Exported but not yet acknowledged by the office: %n record(s).</source>
      <translation>
        <numerusform>Exported but not yet acknowledged by the office: %n record.</numerusform>
        <numerusform>Exported but not yet acknowledged by the office: %n records.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Conflicts to review: %n</source>
      <translation>
        <numerusform>Conflicts to review: %n</numerusform>
        <numerusform>Conflicts to review: %n</numerusform>
      </translation>
    </message>
  </context>
</TS>