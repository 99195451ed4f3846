; Inno Setup 6 script: the Windows installer of Cluster Desktop (میزکار خوشه).
;
; Build the one-folder bundle first (on Windows, same spec):   python packaging\build.py
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
#define BundleDir "..\..\dist\cluster-desktop"
#define CliExe "cluster-desktop.exe"
#define GuiExe "ClusterDesktop.exe"
; platformdirs.site_data_dir("ClusterDesktop", "TPO") on Windows: where the program looks for a
; centre certificate shipped by the installer (cluster_desktop/services/centre_certificate.py).
#define SharedDir "{commonappdata}\TPO\ClusterDesktop"

[Setup]
; Never change AppId: an upgrade finds the previous installation by it.
AppId={{6C1D2F0E-7B2A-4D7E-9A51-3C6F0B8E2D41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
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

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
#if FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\Persian.isl")
Name: "fa"; MessagesFile: "compiler:Languages\Unofficial\Persian.isl"
#endif

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
