; Inno Setup 6 script: the Windows installer of Cluster Desktop (میزکار خوشه).
;
; On Linux all of it (Windows Python and PyInstaller under Wine, then this script): packaging/windows/build-on-linux.sh
; On Windows: build the one-folder bundle first (same spec):   python packaging\build.py
; then compile from the repository root:                        iscc packaging\windows\cluster-desktop.iss
; a provincial installer that carries TPO's office certificate: iscc /DCentreCert=C:\path\tpo.json packaging\windows\cluster-desktop.iss
; (or give it when installing:  ClusterDesktopSetup.exe /CENTRECERT=D:\tpo-certificate.json)
;
; Per-machine install into Program Files; the office's data is NOT in the install folder: the program
; keeps it in each user's %LOCALAPPDATA%\TPO\ClusterDesktop (platformdirs), so upgrading replaces the
; program only and uninstalling leaves the data (database, attachments, backups, bundles) in place.
; This file is UTF-8 with a byte-order mark, which Inno Setup 6 needs for the Persian names below.

#define AppName "Cluster Desktop"
#define AppNameFa "میزکار خوشه"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppPublisher "Trade Promotion Organization of Iran (TPO)"
#ifndef BundleDir
  #define BundleDir "..\..\dist\cluster-desktop"
#endif
#define CliExe "cluster-desktop.exe"
#define GuiExe "ClusterDesktop.exe"
; platformdirs.site_data_dir("ClusterDesktop", "TPO") on Windows: where the program looks for a
; centre certificate shipped by the installer (cluster_desktop/services/centre_certificate.py).
#define SharedDir "{commonappdata}\TPO\ClusterDesktop"

[Setup]
; Never change AppId: an upgrade finds the previous installation by it.
AppId={{6C1D2F0E-7B2A-4D7E-9A51-3C6F0B8E2D41}
; The wizard names the program in its own language (the Persian wizard: «میزکار خوشه»).
AppName={cm:AppTitle}
AppVersion={#AppVersion}
AppVerName={cm:AppTitle} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\Cluster Desktop
DefaultGroupName={#AppNameFa}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Python 3.11 and Qt 6 need Windows 10 (1809) or newer, 64-bit.
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=ClusterDesktopSetup-{#AppVersion}
SetupIconFile=..\..\resources\icons\cluster-desktop.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName} ({#AppNameFa})
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto
; .bundle files open in the program (Bundles view, file ready to verify).
ChangesAssociations=yes

[Languages]
; Persian first: the wizard of a Persian Windows, and of one whose language Inno Setup does not know,
; speaks Persian, right to left (Persian.isl is ours: Inno Setup ships no Persian messages).
Name: "fa"; MessagesFile: "Persian.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fa.AppTitle={#AppNameFa}
en.AppTitle={#AppName}

[InstallDelete]
; An upgrade replaces the program folder's libraries as a whole (no stale file of the old version).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
#ifdef CentreCert
Source: "{#CentreCert}"; DestDir: "{#SharedDir}"; DestName: "centre-certificate.json"; Flags: ignoreversion
#endif
Source: "{param:CENTRECERT|}"; DestDir: "{#SharedDir}"; DestName: "centre-certificate.json"; Flags: external ignoreversion skipifsourcedoesntexist; Check: CentreCertGiven

[Icons]
Name: "{autoprograms}\{#AppNameFa}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Comment: "{#AppName}"
Name: "{autodesktop}\{#AppNameFa}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; File association: double-clicking a bundle opens the Bundles view with that file ready to verify.
Root: HKA; Subkey: "Software\Classes\.bundle"; ValueType: string; ValueName: ""; ValueData: "ClusterDesktop.Bundle"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.bundle\OpenWithProgids"; ValueType: string; ValueName: "ClusterDesktop.Bundle"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ClusterDesktop.Bundle"; ValueType: string; ValueName: ""; ValueData: "بستهٔ تبادل اطلاعات میزکار خوشه"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ClusterDesktop.Bundle\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#GuiExe},0"
Root: HKA; Subkey: "Software\Classes\ClusterDesktop.Bundle\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#GuiExe}"" ""%1"""

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppNameFa}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program wrote into its own folder; the users' data directories are kept on purpose.
Type: filesandordirs; Name: "{app}\_internal\__pycache__"

[Code]
function CentreCertGiven(): Boolean;
begin
  Result := ExpandConstant('{param:CENTRECERT|}') <> '';
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox('The program was removed. Office data was kept in each user''s folder' + #13#10 +
           '%LOCALAPPDATA%\TPO\ClusterDesktop (database, attachments, backups, bundles).' + #13#10 +
           'برنامه حذف شد؛ داده‌های دفتر در پوشهٔ بالا باقی ماند.', mbInformation, MB_OK);
end;
