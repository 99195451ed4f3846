; *** Inno Setup version 6.4.0+ Persian (Farsi) messages ***
;
; Persian messages for Inno Setup 6.4, written for Cluster Desktop (میزکار خوشه), 2026-12.
; Translated from Inno Setup's English messages file Default.isl,
; Copyright (C) 1997-2025 Jordan Russell, portions Copyright (C) 2000-2025 Martijn Laan.
; Inno Setup is distributed under the Inno Setup License (license.txt in the Inno Setup
; package); its terms permit anyone to alter and redistribute it, which allows translations
; such as this one to be redistributed, provided the copyright notices are kept and the file
; is plainly marked as a modified (translated) version, as it is here.
;
; This file is UTF-8 with a byte-order mark (Inno Setup 6 needs the BOM). It uses the Persian
; letters ی and ک (U+06CC, U+06A9; never the Arabic U+064A, U+0643) and the zero-width
; non-joiner (U+200C) where Persian orthography needs it.
;
; To download user-contributed translations of this file, go to:
;   https://jrsoftware.org/files/istrans/
;
; Note: When translating this text, do not add periods (.) to the end of
; messages that didn't have them already, because on those messages Inno
; Setup adds the periods automatically (appending a period would result in
; two periods being displayed).

[LangOptions]
; The following three entries are very important. Be sure to read and 
; understand the '[LangOptions] section' topic in the help file.
LanguageName=فارسی
LanguageID=$0429
LanguageCodePage=0
RightToLeft=yes
; If the language you are translating to requires special font faces or
; sizes, uncomment any of the following entries and change them accordingly.
;DialogFontName=
;DialogFontSize=8
;WelcomeFontName=Verdana
;WelcomeFontSize=12
;TitleFontName=Arial
;TitleFontSize=29
;CopyrightFontName=Arial
;CopyrightFontSize=8

[Messages]

; *** Application titles
SetupAppTitle=نصب
SetupWindowTitle=نصب - %1
UninstallAppTitle=حذف نصب
UninstallAppFullTitle=حذف نصب %1

; *** Misc. common
InformationTitle=اطلاعات
ConfirmTitle=تأیید
ErrorTitle=خطا

; *** SetupLdr messages
SetupLdrStartupMessage=این برنامه %1 را نصب خواهد کرد. آیا می‌خواهید ادامه دهید؟
LdrCannotCreateTemp=ایجاد فایل موقت ممکن نشد. نصب متوقف شد
LdrCannotExecTemp=اجرای فایل در پوشهٔ موقت ممکن نشد. نصب متوقف شد
HelpTextNote=

; *** Startup error messages
LastErrorMessage=%1.%n%nخطای %2: %3
SetupFileMissing=فایل %1 در پوشهٔ نصب یافت نشد. لطفاً مشکل را برطرف کنید یا نسخهٔ تازه‌ای از برنامه تهیه کنید.
SetupFileCorrupt=فایل‌های نصب آسیب دیده‌اند. لطفاً نسخهٔ تازه‌ای از برنامه تهیه کنید.
SetupFileCorruptOrWrongVer=فایل‌های نصب آسیب دیده‌اند یا با این نسخه از برنامهٔ نصب سازگار نیستند. لطفاً مشکل را برطرف کنید یا نسخهٔ تازه‌ای از برنامه تهیه کنید.
InvalidParameter=پارامتر نامعتبری در خط فرمان داده شده است:%n%n%1
SetupAlreadyRunning=برنامهٔ نصب هم‌اکنون در حال اجراست.
WindowsVersionNotSupported=این برنامه از نسخه‌ای از ویندوز که روی رایانهٔ شما اجرا می‌شود پشتیبانی نمی‌کند.
WindowsServicePackRequired=این برنامه به %1 سرویس‌پک %2 یا بالاتر نیاز دارد.
NotOnThisPlatform=این برنامه روی %1 اجرا نمی‌شود.
OnlyOnThisPlatform=این برنامه باید روی %1 اجرا شود.
OnlyOnTheseArchitectures=این برنامه را فقط روی نسخه‌هایی از ویندوز می‌توان نصب کرد که برای معماری‌های پردازندهٔ زیر طراحی شده‌اند:%n%n%1
WinVersionTooLowError=این برنامه به %1 نسخهٔ %2 یا بالاتر نیاز دارد.
WinVersionTooHighError=این برنامه را نمی‌توان روی %1 نسخهٔ %2 یا بالاتر نصب کرد.
AdminPrivilegesRequired=برای نصب این برنامه باید با حساب مدیر سیستم وارد شده باشید.
PowerUserPrivilegesRequired=برای نصب این برنامه باید با حساب مدیر سیستم یا حساب یکی از اعضای گروه Power Users وارد شده باشید.
SetupAppRunningError=برنامهٔ نصب تشخیص داده است که %1 هم‌اکنون در حال اجراست.%n%nلطفاً همهٔ پنجره‌های آن را اکنون ببندید، سپس برای ادامه «تأیید» یا برای خروج «لغو» را کلیک کنید.
UninstallAppRunningError=برنامهٔ حذف نصب تشخیص داده است که %1 هم‌اکنون در حال اجراست.%n%nلطفاً همهٔ پنجره‌های آن را اکنون ببندید، سپس برای ادامه «تأیید» یا برای خروج «لغو» را کلیک کنید.

; *** Startup questions
PrivilegesRequiredOverrideTitle=انتخاب حالت نصب
PrivilegesRequiredOverrideInstruction=حالت نصب را انتخاب کنید
PrivilegesRequiredOverrideText1=%1 را می‌توان برای همهٔ کاربران (نیازمند دسترسی مدیر سیستم) یا فقط برای شما نصب کرد.
PrivilegesRequiredOverrideText2=%1 را می‌توان فقط برای شما یا برای همهٔ کاربران (نیازمند دسترسی مدیر سیستم) نصب کرد.
PrivilegesRequiredOverrideAllUsers=نصب برای &همهٔ کاربران
PrivilegesRequiredOverrideAllUsersRecommended=نصب برای &همهٔ کاربران (توصیه می‌شود)
PrivilegesRequiredOverrideCurrentUser=نصب فقط برای &من
PrivilegesRequiredOverrideCurrentUserRecommended=نصب فقط برای &من (توصیه می‌شود)

; *** Misc. errors
ErrorCreatingDir=برنامهٔ نصب نتوانست پوشهٔ «%1» را ایجاد کند
ErrorTooManyFilesInDir=ایجاد فایل در پوشهٔ «%1» ممکن نشد، زیرا این پوشه فایل‌های بسیار زیادی دارد

; *** Setup common messages
ExitSetupTitle=خروج از نصب
ExitSetupMessage=نصب کامل نشده است. اگر اکنون خارج شوید، برنامه نصب نخواهد شد.%n%nمی‌توانید برای تکمیل نصب، برنامهٔ نصب را در زمان دیگری دوباره اجرا کنید.%n%nاز نصب خارج می‌شوید؟
AboutSetupMenuItem=&دربارهٔ برنامهٔ نصب…
AboutSetupTitle=دربارهٔ برنامهٔ نصب
AboutSetupMessage=%1 نسخهٔ %2%n%3%n%nصفحهٔ اصلی %1:%n%4
AboutSetupNote=
TranslatorNote=

; *** Buttons
ButtonBack=< &قبلی
ButtonNext=&بعدی >
ButtonInstall=&نصب
ButtonOK=تأیید
ButtonCancel=لغو
ButtonYes=&بله
ButtonYesToAll=بله برای &همه
ButtonNo=&خیر
ButtonNoToAll=خیر برای ه&مه
ButtonFinish=&پایان
ButtonBrowse=&مرور…
ButtonWizardBrowse=&مرور…
ButtonNewFolder=ایجاد &پوشهٔ جدید

; *** "Select Language" dialog messages
SelectLanguageTitle=انتخاب زبان نصب
SelectLanguageLabel=زبانی را که می‌خواهید در طول نصب به کار رود انتخاب کنید.

; *** Common wizard text
ClickNext=برای ادامه «بعدی» و برای خروج از نصب «لغو» را کلیک کنید.
BeveledLabel=
BrowseDialogTitle=مرور برای انتخاب پوشه
BrowseDialogLabel=پوشه‌ای را از فهرست زیر انتخاب کنید و سپس «تأیید» را کلیک کنید.
NewFolderName=پوشهٔ جدید

; *** "Welcome" wizard page
WelcomeLabel1=به راهنمای نصب [name] خوش آمدید
WelcomeLabel2=این برنامه [name/ver] را روی رایانهٔ شما نصب خواهد کرد.%n%nتوصیه می‌شود پیش از ادامه، همهٔ برنامه‌های دیگر را ببندید.

; *** "Password" wizard page
WizardPassword=گذرواژه
PasswordLabel1=این نصب با گذرواژه محافظت شده است.
PasswordLabel3=لطفاً گذرواژه را وارد کنید و سپس برای ادامه «بعدی» را کلیک کنید. گذرواژه به کوچکی و بزرگی حروف حساس است.
PasswordEditLabel=&گذرواژه:
IncorrectPassword=گذرواژه‌ای که وارد کردید درست نیست. لطفاً دوباره تلاش کنید.

; *** "License Agreement" wizard page
WizardLicense=توافق‌نامهٔ مجوز
LicenseLabel=لطفاً پیش از ادامه، اطلاعات مهم زیر را بخوانید.
LicenseLabel3=لطفاً توافق‌نامهٔ مجوز زیر را بخوانید. پیش از ادامهٔ نصب باید شرایط این توافق‌نامه را بپذیرید.
LicenseAccepted=توافق‌نامه را &می‌پذیرم
LicenseNotAccepted=توافق‌نامه را &نمی‌پذیرم

; *** "Information" wizard pages
WizardInfoBefore=اطلاعات
InfoBeforeLabel=لطفاً پیش از ادامه، اطلاعات مهم زیر را بخوانید.
InfoBeforeClickLabel=هر وقت برای ادامهٔ نصب آماده بودید، «بعدی» را کلیک کنید.
WizardInfoAfter=اطلاعات
InfoAfterLabel=لطفاً پیش از ادامه، اطلاعات مهم زیر را بخوانید.
InfoAfterClickLabel=هر وقت برای ادامهٔ نصب آماده بودید، «بعدی» را کلیک کنید.

; *** "User Information" wizard page
WizardUserInfo=اطلاعات کاربر
UserInfoDesc=لطفاً اطلاعات خود را وارد کنید.
UserInfoName=&نام کاربر:
UserInfoOrg=&سازمان:
UserInfoSerial=&شمارهٔ سریال:
UserInfoNameRequired=باید یک نام وارد کنید.

; *** "Select Destination Location" wizard page
WizardSelectDir=انتخاب محل مقصد
SelectDirDesc=[name] در کجا نصب شود؟
SelectDirLabel3=برنامهٔ نصب، [name] را در پوشهٔ زیر نصب خواهد کرد.
SelectDirBrowseLabel=برای ادامه «بعدی» را کلیک کنید. اگر می‌خواهید پوشهٔ دیگری انتخاب کنید، «مرور» را کلیک کنید.
DiskSpaceGBLabel=دست‌کم [gb] گیگابایت فضای خالی دیسک لازم است.
DiskSpaceMBLabel=دست‌کم [mb] مگابایت فضای خالی دیسک لازم است.
CannotInstallToNetworkDrive=برنامهٔ نصب نمی‌تواند روی درایو شبکه نصب کند.
CannotInstallToUNCPath=برنامهٔ نصب نمی‌تواند در مسیر UNC نصب کند.
InvalidPath=باید مسیر کامل را همراه با حرف درایو وارد کنید؛ برای نمونه:%n%nC:\APP%n%nیا یک مسیر UNC به این شکل:%n%n\\server\share
InvalidDrive=درایو یا مسیر اشتراکی UNC که انتخاب کرده‌اید وجود ندارد یا در دسترس نیست. لطفاً مورد دیگری را انتخاب کنید.
DiskSpaceWarningTitle=فضای دیسک کافی نیست
DiskSpaceWarning=برنامهٔ نصب برای نصب دست‌کم به %1 کیلوبایت فضای خالی نیاز دارد، اما درایو انتخاب‌شده فقط %2 کیلوبایت فضای خالی دارد.%n%nآیا با این حال می‌خواهید ادامه دهید؟
DirNameTooLong=نام پوشه یا مسیر بیش از حد طولانی است.
InvalidDirName=نام پوشه معتبر نیست.
BadDirName32=نام پوشه نمی‌تواند هیچ‌یک از نویسه‌های زیر را داشته باشد:%n%n%1
DirExistsTitle=پوشه وجود دارد
DirExists=پوشهٔ:%n%n%1%n%nاز قبل وجود دارد. آیا با این حال می‌خواهید در همین پوشه نصب شود؟
DirDoesntExistTitle=پوشه وجود ندارد
DirDoesntExist=پوشهٔ:%n%n%1%n%nوجود ندارد. آیا می‌خواهید این پوشه ایجاد شود؟

; *** "Select Components" wizard page
WizardSelectComponents=انتخاب اجزا
SelectComponentsDesc=کدام اجزا نصب شوند؟
SelectComponentsLabel2=اجزایی را که می‌خواهید نصب شوند انتخاب کنید و علامت اجزایی را که نمی‌خواهید نصب شوند بردارید. هر وقت برای ادامه آماده بودید، «بعدی» را کلیک کنید.
FullInstallation=نصب کامل
; if possible don't translate 'Compact' as 'Minimal' (I mean 'Minimal' in your language)
CompactInstallation=نصب فشرده
CustomInstallation=نصب سفارشی
NoUninstallWarningTitle=اجزا وجود دارند
NoUninstallWarning=برنامهٔ نصب تشخیص داده است که اجزای زیر از قبل روی رایانهٔ شما نصب شده‌اند:%n%n%1%n%nبرداشتن علامت این اجزا آن‌ها را حذف نصب نمی‌کند.%n%nآیا با این حال می‌خواهید ادامه دهید؟
ComponentSize1=%1 کیلوبایت
ComponentSize2=%1 مگابایت
ComponentsDiskSpaceGBLabel=انتخاب کنونی دست‌کم به [gb] گیگابایت فضای دیسک نیاز دارد.
ComponentsDiskSpaceMBLabel=انتخاب کنونی دست‌کم به [mb] مگابایت فضای دیسک نیاز دارد.

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=انتخاب کارهای اضافی
SelectTasksDesc=کدام کارهای اضافی انجام شوند؟
SelectTasksLabel2=کارهای اضافی‌ای را که می‌خواهید برنامهٔ نصب هنگام نصب [name] انجام دهد انتخاب کنید و سپس «بعدی» را کلیک کنید.

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=انتخاب پوشهٔ منوی شروع
SelectStartMenuFolderDesc=برنامهٔ نصب میان‌برهای برنامه را کجا قرار دهد؟
SelectStartMenuFolderLabel3=برنامهٔ نصب میان‌برهای برنامه را در پوشهٔ زیر در منوی شروع ایجاد خواهد کرد.
SelectStartMenuFolderBrowseLabel=برای ادامه «بعدی» را کلیک کنید. اگر می‌خواهید پوشهٔ دیگری انتخاب کنید، «مرور» را کلیک کنید.
MustEnterGroupName=باید یک نام پوشه وارد کنید.
GroupNameTooLong=نام پوشه یا مسیر بیش از حد طولانی است.
InvalidGroupName=نام پوشه معتبر نیست.
BadGroupName=نام پوشه نمی‌تواند هیچ‌یک از نویسه‌های زیر را داشته باشد:%n%n%1
NoProgramGroupCheck2=پوشه‌ای در منوی شروع ایجاد &نشود

; *** "Ready to Install" wizard page
WizardReady=آمادهٔ نصب
ReadyLabel1=برنامهٔ نصب اکنون آماده است تا نصب [name] را روی رایانهٔ شما آغاز کند.
ReadyLabel2a=برای ادامهٔ نصب «نصب» را کلیک کنید، یا اگر می‌خواهید تنظیمات را بازبینی یا تغییر دهید، «قبلی» را کلیک کنید.
ReadyLabel2b=برای ادامهٔ نصب «نصب» را کلیک کنید.
ReadyMemoUserInfo=اطلاعات کاربر:
ReadyMemoDir=محل مقصد:
ReadyMemoType=نوع نصب:
ReadyMemoComponents=اجزای انتخاب‌شده:
ReadyMemoGroup=پوشهٔ منوی شروع:
ReadyMemoTasks=کارهای اضافی:

; *** TDownloadWizardPage wizard page and DownloadTemporaryFile
DownloadingLabel=در حال بارگیری فایل‌های اضافی…
ButtonStopDownload=&توقف بارگیری
StopDownload=آیا مطمئن هستید که می‌خواهید بارگیری را متوقف کنید؟
ErrorDownloadAborted=بارگیری لغو شد
ErrorDownloadFailed=بارگیری ناموفق بود: %1 %2
ErrorDownloadSizeFailed=دریافت اندازه ناموفق بود: %1 %2
ErrorFileHash1=محاسبهٔ هش فایل ناموفق بود: %1
ErrorFileHash2=هش فایل نامعتبر است: مقدار مورد انتظار %1، مقدار یافت‌شده %2
ErrorProgress=پیشرفت نامعتبر: %1 از %2
ErrorFileSize=اندازهٔ فایل نامعتبر است: مقدار مورد انتظار %1، مقدار یافت‌شده %2

; *** TExtractionWizardPage wizard page and Extract7ZipArchive
ExtractionLabel=در حال استخراج فایل‌های اضافی…
ButtonStopExtraction=&توقف استخراج
StopExtraction=آیا مطمئن هستید که می‌خواهید استخراج را متوقف کنید؟
ErrorExtractionAborted=استخراج لغو شد
ErrorExtractionFailed=استخراج ناموفق بود: %1

; *** "Preparing to Install" wizard page
WizardPreparing=آماده‌سازی برای نصب
PreparingDesc=برنامهٔ نصب در حال آماده شدن برای نصب [name] روی رایانهٔ شماست.
PreviousInstallNotCompleted=نصب یا حذف یک برنامهٔ قبلی کامل نشده است. برای تکمیل آن باید رایانهٔ خود را دوباره راه‌اندازی کنید.%n%nپس از راه‌اندازی دوبارهٔ رایانه، برنامهٔ نصب را دوباره اجرا کنید تا نصب [name] کامل شود.
CannotContinue=برنامهٔ نصب نمی‌تواند ادامه دهد. لطفاً برای خروج «لغو» را کلیک کنید.
ApplicationsFound=برنامه‌های زیر از فایل‌هایی استفاده می‌کنند که برنامهٔ نصب باید آن‌ها را به‌روزرسانی کند. توصیه می‌شود اجازه دهید برنامهٔ نصب این برنامه‌ها را به‌طور خودکار ببندد.
ApplicationsFound2=برنامه‌های زیر از فایل‌هایی استفاده می‌کنند که برنامهٔ نصب باید آن‌ها را به‌روزرسانی کند. توصیه می‌شود اجازه دهید برنامهٔ نصب این برنامه‌ها را به‌طور خودکار ببندد. پس از پایان نصب، برنامهٔ نصب تلاش خواهد کرد این برنامه‌ها را دوباره اجرا کند.
CloseApplications=برنامه‌ها به‌طور &خودکار بسته شوند
DontCloseApplications=برنامه‌ها بسته &نشوند
ErrorCloseApplications=برنامهٔ نصب نتوانست همهٔ برنامه‌ها را به‌طور خودکار ببندد. توصیه می‌شود پیش از ادامه، همهٔ برنامه‌هایی را که از فایل‌های نیازمند به‌روزرسانی استفاده می‌کنند ببندید.
PrepareToInstallNeedsRestart=برنامهٔ نصب باید رایانهٔ شما را دوباره راه‌اندازی کند. پس از راه‌اندازی دوبارهٔ رایانه، برنامهٔ نصب را دوباره اجرا کنید تا نصب [name] کامل شود.%n%nآیا می‌خواهید رایانه اکنون دوباره راه‌اندازی شود؟

; *** "Installing" wizard page
WizardInstalling=در حال نصب
InstallingLabel=لطفاً تا پایان نصب [name] روی رایانهٔ شما صبر کنید.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=پایان کار راهنمای نصب [name]
FinishedLabelNoIcons=برنامهٔ نصب، نصب [name] را روی رایانهٔ شما به پایان رساند.
FinishedLabel=برنامهٔ نصب، نصب [name] را روی رایانهٔ شما به پایان رساند. برنامه را می‌توان با انتخاب میان‌برهای نصب‌شده اجرا کرد.
ClickFinish=برای خروج از نصب «پایان» را کلیک کنید.
FinishedRestartLabel=برای تکمیل نصب [name]، برنامهٔ نصب باید رایانهٔ شما را دوباره راه‌اندازی کند. آیا می‌خواهید رایانه اکنون دوباره راه‌اندازی شود؟
FinishedRestartMessage=برای تکمیل نصب [name]، برنامهٔ نصب باید رایانهٔ شما را دوباره راه‌اندازی کند.%n%nآیا می‌خواهید رایانه اکنون دوباره راه‌اندازی شود؟
ShowReadmeCheck=بله، می‌خواهم فایل README را ببینم
YesRadio=&بله، رایانه اکنون دوباره راه‌اندازی شود
NoRadio=&خیر، رایانه را بعداً خودم دوباره راه‌اندازی می‌کنم
; used for example as 'Run MyProg.exe'
RunEntryExec=اجرای %1
; used for example as 'View Readme.txt'
RunEntryShellExec=مشاهدهٔ %1

; *** "Setup Needs the Next Disk" stuff
ChangeDiskTitle=برنامهٔ نصب به دیسک بعدی نیاز دارد
SelectDiskLabel2=لطفاً دیسک %1 را وارد کنید و «تأیید» را کلیک کنید.%n%nاگر فایل‌های این دیسک در پوشه‌ای غیر از پوشهٔ نشان‌داده‌شده در زیر قرار دارند، مسیر درست را وارد کنید یا «مرور» را کلیک کنید.
PathLabel=م&سیر:
FileNotInDir2=فایل «%1» در «%2» یافت نشد. لطفاً دیسک درست را وارد کنید یا پوشهٔ دیگری را انتخاب کنید.
SelectDirectoryLabel=لطفاً محل دیسک بعدی را مشخص کنید.

; *** Installation phase messages
SetupAborted=نصب کامل نشد.%n%nلطفاً مشکل را برطرف کنید و برنامهٔ نصب را دوباره اجرا کنید.
AbortRetryIgnoreSelectAction=اقدام را انتخاب کنید
AbortRetryIgnoreRetry=&تلاش دوباره
AbortRetryIgnoreIgnore=&نادیده گرفتن خطا و ادامه
AbortRetryIgnoreCancel=لغو نصب

; *** Installation status messages
StatusClosingApplications=در حال بستن برنامه‌ها…
StatusCreateDirs=در حال ایجاد پوشه‌ها…
StatusExtractFiles=در حال استخراج فایل‌ها…
StatusCreateIcons=در حال ایجاد میان‌برها…
StatusCreateIniEntries=در حال ایجاد مدخل‌های INI…
StatusCreateRegistryEntries=در حال ایجاد مدخل‌های رجیستری…
StatusRegisterFiles=در حال ثبت فایل‌ها…
StatusSavingUninstall=در حال ذخیرهٔ اطلاعات حذف نصب…
StatusRunProgram=در حال پایان دادن به نصب…
StatusRestartingApplications=در حال اجرای دوبارهٔ برنامه‌ها…
StatusRollback=در حال بازگرداندن تغییرات…

; *** Misc. errors
ErrorInternal2=خطای داخلی: %1
ErrorFunctionFailedNoCode=%1 ناموفق بود
ErrorFunctionFailed=%1 ناموفق بود؛ کد %2
ErrorFunctionFailedWithMessage=%1 ناموفق بود؛ کد %2.%n%3
ErrorExecutingProgram=اجرای فایل ممکن نشد:%n%1

; *** Registry errors
ErrorRegOpenKey=خطا در باز کردن کلید رجیستری:%n%1\%2
ErrorRegCreateKey=خطا در ایجاد کلید رجیستری:%n%1\%2
ErrorRegWriteKey=خطا در نوشتن در کلید رجیستری:%n%1\%2

; *** INI errors
ErrorIniEntry=خطا در ایجاد مدخل INI در فایل «%1».

; *** File copying errors
FileAbortRetryIgnoreSkipNotRecommended=&رد شدن از این فایل (توصیه نمی‌شود)
FileAbortRetryIgnoreIgnoreNotRecommended=&نادیده گرفتن خطا و ادامه (توصیه نمی‌شود)
SourceIsCorrupted=فایل مبدأ آسیب دیده است
SourceDoesntExist=فایل مبدأ «%1» وجود ندارد
ExistingFileReadOnly2=فایل موجود جایگزین نشد، زیرا با ویژگی فقط‌خواندنی علامت‌گذاری شده است.
ExistingFileReadOnlyRetry=&برداشتن ویژگی فقط‌خواندنی و تلاش دوباره
ExistingFileReadOnlyKeepExisting=&نگه داشتن فایل موجود
ErrorReadingExistingDest=هنگام خواندن فایل موجود خطایی رخ داد:
FileExistsSelectAction=اقدام را انتخاب کنید
FileExists2=این فایل از قبل وجود دارد.
FileExistsOverwriteExisting=&بازنویسی فایل موجود
FileExistsKeepExisting=&نگه داشتن فایل موجود
FileExistsOverwriteOrKeepAll=&همین کار برای تداخل‌های بعدی هم انجام شود
ExistingFileNewerSelectAction=اقدام را انتخاب کنید
ExistingFileNewer2=فایل موجود از فایلی که برنامهٔ نصب می‌خواهد نصب کند جدیدتر است.
ExistingFileNewerOverwriteExisting=&بازنویسی فایل موجود
ExistingFileNewerKeepExisting=&نگه داشتن فایل موجود (توصیه می‌شود)
ExistingFileNewerOverwriteOrKeepAll=&همین کار برای تداخل‌های بعدی هم انجام شود
ErrorChangingAttr=هنگام تغییر ویژگی‌های فایل موجود خطایی رخ داد:
ErrorCreatingTemp=هنگام ایجاد فایل در پوشهٔ مقصد خطایی رخ داد:
ErrorReadingSource=هنگام خواندن فایل مبدأ خطایی رخ داد:
ErrorCopying=هنگام کپی کردن فایل خطایی رخ داد:
ErrorReplacingExistingFile=هنگام جایگزین کردن فایل موجود خطایی رخ داد:
ErrorRestartReplace=RestartReplace ناموفق بود:
ErrorRenamingTemp=هنگام تغییر نام فایل در پوشهٔ مقصد خطایی رخ داد:
ErrorRegisterServer=ثبت DLL/OCX ممکن نشد: %1
ErrorRegSvr32Failed=RegSvr32 با کد خروج %1 ناموفق بود
ErrorRegisterTypeLib=ثبت کتابخانهٔ نوع (type library) ممکن نشد: %1

; *** Uninstall display name markings
; used for example as 'My Program (32-bit)'
UninstallDisplayNameMark=%1 (%2)
; used for example as 'My Program (32-bit, All users)'
UninstallDisplayNameMarks=%1 (%2، %3)
UninstallDisplayNameMark32Bit=32 بیتی
UninstallDisplayNameMark64Bit=64 بیتی
UninstallDisplayNameMarkAllUsers=همهٔ کاربران
UninstallDisplayNameMarkCurrentUser=کاربر فعلی

; *** Post-installation errors
ErrorOpeningReadme=هنگام باز کردن فایل README خطایی رخ داد.
ErrorRestartingComputer=برنامهٔ نصب نتوانست رایانه را دوباره راه‌اندازی کند. لطفاً این کار را خودتان انجام دهید.

; *** Uninstaller messages
UninstallNotFound=فایل «%1» وجود ندارد. حذف نصب ممکن نیست.
UninstallOpenError=فایل «%1» باز نشد. حذف نصب ممکن نیست
UninstallUnsupportedVer=قالب فایل گزارش حذف نصب «%1» برای این نسخه از برنامهٔ حذف نصب شناخته‌شده نیست. حذف نصب ممکن نیست
UninstallUnknownEntry=مدخل ناشناخته‌ای (%1) در گزارش حذف نصب یافت شد
ConfirmUninstall=آیا مطمئن هستید که می‌خواهید %1 و همهٔ اجزای آن را به‌طور کامل حذف کنید؟
UninstallOnlyOnWin64=این برنامه را فقط روی ویندوز 64 بیتی می‌توان حذف نصب کرد.
OnlyAdminCanUninstall=این برنامه را فقط کاربری با دسترسی مدیر سیستم می‌تواند حذف نصب کند.
UninstallStatusLabel=لطفاً تا پایان حذف %1 از رایانهٔ شما صبر کنید.
UninstalledAll=%1 با موفقیت از رایانهٔ شما حذف شد.
UninstalledMost=حذف نصب %1 به پایان رسید.%n%nبرخی از اجزا حذف نشدند. می‌توانید آن‌ها را خودتان حذف کنید.
UninstalledAndNeedsRestart=برای تکمیل حذف نصب %1، رایانهٔ شما باید دوباره راه‌اندازی شود.%n%nآیا می‌خواهید رایانه اکنون دوباره راه‌اندازی شود؟
UninstallDataCorrupted=فایل «%1» آسیب دیده است. حذف نصب ممکن نیست

; *** Uninstallation phase messages
ConfirmDeleteSharedFileTitle=فایل مشترک حذف شود؟
ConfirmDeleteSharedFile2=سیستم نشان می‌دهد که فایل مشترک زیر دیگر در هیچ برنامه‌ای به کار نمی‌رود. آیا می‌خواهید برنامهٔ حذف نصب این فایل مشترک را حذف کند؟%n%nاگر برنامه‌ای هنوز از این فایل استفاده کند و فایل حذف شود، ممکن است آن برنامه درست کار نکند. اگر مطمئن نیستید، «خیر» را انتخاب کنید. باقی ماندن این فایل روی سیستم آسیبی نمی‌رساند.
SharedFileNameLabel=نام فایل:
SharedFileLocationLabel=محل:
WizardUninstalling=وضعیت حذف نصب
StatusUninstalling=در حال حذف نصب %1…

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=در حال نصب %1.
ShutdownBlockReasonUninstallingApp=در حال حذف نصب %1.

; The custom messages below aren't used by Setup itself, but if you make
; use of them in your scripts, you'll want to translate them.

[CustomMessages]

NameAndVersion=%1 نسخهٔ %2
AdditionalIcons=میان‌برهای اضافی:
CreateDesktopIcon=ایجاد میان‌بر روی &میز کار
CreateQuickLaunchIcon=ایجاد میان‌بر در نوار &راه‌اندازی سریع
ProgramOnTheWeb=%1 در وب
UninstallProgram=حذف نصب %1
LaunchProgram=اجرای %1
AssocFileExtension=&پیوند دادن %1 با پسوند فایل %2
AssocingFileExtension=در حال پیوند دادن %1 با پسوند فایل %2…
AutoStartProgramGroupDescription=اجرا در آغاز ویندوز:
AutoStartProgram=اجرای خودکار %1
AddonHostProgramNotFound=%1 در پوشه‌ای که انتخاب کردید یافت نشد.%n%nآیا با این حال می‌خواهید ادامه دهید؟
