; Inno Setup 6 script: the Windows installer of the onedir bundle that
; `python packaging\build.py` leaves in dist\workbench\ (run on Windows).
;   iscc /DVersion=0.1.0 packaging\windows\workbench.iss
; -> dist\workbench-0.1.0-setup.exe. Per-user install by default (no administrator needed;
; the store lives in the user's data folder either way), Start menu entry, uninstaller.
; NOT RUN HERE: written on Linux, built by .github/workflows/installers.yml (packaging/README.md).

#ifndef Version
  #define Version "0.1.0"
#endif
#define Root "..\.."

[Setup]
AppId={{6F1B7C52-2E0C-4B8E-9F2A-3D1E0A7C5B11}
AppName=Workbench
AppVerName=Workbench {#Version}
AppVersion={#Version}
AppPublisher=Workbench IT
DefaultDirName={autopf}\Workbench
DefaultGroupName=Workbench
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir={#Root}\dist
OutputBaseFilename=workbench-{#Version}-setup
UninstallDisplayIcon={app}\workbench.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\workbench\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Workbench"; Filename: "{app}\workbench.exe"
Name: "{group}\{cm:UninstallProgram,Workbench}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Workbench"; Filename: "{app}\workbench.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\workbench.exe"; Description: "{cm:LaunchProgram,Workbench}"; Flags: nowait postinstall skipifsilent
