; Inno Setup script: Sponsor Desk's Windows installer, from PyInstaller's dist\sponsor-desk.
; NOT built on the project's own machines (Linux): .github/workflows/desktop-builds.yml builds
; it on a Windows runner. By hand, on Windows:
;   pyinstaller packaging\sponsor-desk.spec --noconfirm --distpath dist --workpath build\pyinstaller
;   iscc /DAppVersion=0.1.0 packaging\windows\sponsor-desk.iss
; Signing: see docs/releasing.md (signtool, through Inno Setup's SignTool directive).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6C7A3E0B-2F4D-4C1E-9A57-5D2B8E8F1A43}
AppName=Sponsor Desk
AppVersion={#AppVersion}
AppPublisher=Sponsor Desk
DefaultDirName={autopf}\Sponsor Desk
DefaultGroupName=Sponsor Desk
; Per user by default (no administrator needed); an administrator may install for everyone.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=SponsorDesk-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icon\sponsor-desk.ico
UninstallDisplayIcon={app}\sponsor-desk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes

[Files]
Source: "..\..\dist\sponsor-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Sponsor Desk"; Filename: "{app}\sponsor-desk.exe"
Name: "{autodesktop}\Sponsor Desk"; Filename: "{app}\sponsor-desk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; .sponsor files open in Sponsor Desk (the running window, if there is one).
Root: HKA; Subkey: "Software\Classes\.sponsor"; ValueType: string; ValueName: ""; ValueData: "SponsorDesk.GroupFile"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\SponsorDesk.GroupFile"; ValueType: string; ValueName: ""; ValueData: "Sponsor Desk group file"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\SponsorDesk.GroupFile\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\sponsor-desk.exe,0"
Root: HKA; Subkey: "Software\Classes\SponsorDesk.GroupFile\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\sponsor-desk.exe"" ""%1"""

[Run]
Filename: "{app}\sponsor-desk.exe"; Description: "{cm:LaunchProgram,Sponsor Desk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there: group files, backups and settings are the user's and stay.
Type: filesandordirs; Name: "{app}\_internal"
