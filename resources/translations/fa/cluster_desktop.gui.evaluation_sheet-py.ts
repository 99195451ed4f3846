<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>EvaluationSheet</name>
    <message>
        <source>Why this score (optional)</source>
        <translation>دلیل این امتیاز (اختیاری)</translation>
    </message>
    <message>
        <source>Evaluation sheet of %1 — %2</source>
        <translation>برگهٔ ارزیابی %1 — %2</translation>
    </message>
    <message>
        <source>Evaluation sheet — %1</source>
        <translation>برگهٔ ارزیابی — %1</translation>
    </message>
    <message>
        <source>round %1</source>
        <translation>دور %1</translation>
    </message>
    <message>
        <source>Save your sheet first; then it can be printed.</source>
        <translation>نخست برگهٔ خود را ذخیره کنید؛ سپس می‌توان آن را چاپ کرد.</translation>
    </message>
    <message>
        <source>Preview and print your sheet as last saved.</source>
        <translation>پیش‌نمایش و چاپ برگهٔ شما، همان‌گونه که آخرین بار ذخیره شده است.</translation>
    </message>
    <message>
        <source>You are not a member of the working group, so you have no evaluation sheet. Members score each nomination on their own sheets; see the consolidated scores section.</source>
        <translation>شما عضو کارگروه نیستید و برگهٔ ارزیابی ندارید. اعضای کارگروه هر معرفی را در برگهٔ خودشان امتیاز می‌دهند؛ نتیجه را در بخش «جمع‌بندی امتیازها» ببینید.</translation>
    </message>
    <message>
        <source>Your sheet is submitted and final. You can now see the other members' submitted sheets in the consolidated scores section.</source>
        <translation>برگهٔ شما ارسال شده و نهایی است. اکنون برگه‌های ارسال‌شدهٔ دیگر اعضا را در بخش «جمع‌بندی امتیازها» می‌بینید.</translation>
    </message>
    <message>
        <source>This dossier is not open for scoring now; the secretary opens the evaluation after the plan is submitted.</source>
        <translation>این پرونده اکنون در مرحلهٔ امتیازدهی نیست؛ دبیر کارگروه پس از ارائهٔ طرح توجیهی، ارزیابی را آغاز می‌کند.</translation>
    </message>
    <message>
        <source>The plan was revised and the evaluation reopened: this is round %1. Score the revised plan afresh and independently; your sheet of the earlier round is kept, read-only, in the consolidated scores section. A submitted sheet cannot be changed.</source>
        <translation>طرح توجیهی اصلاح شد و ارزیابی دوباره گشوده شد؛ این دور %1 است. طرح اصلاح‌شده را از نو و مستقل امتیاز دهید؛ برگهٔ شما در دور پیشین، بی‌تغییر و فقط‌خواندنی، در بخش جمع‌بندی امتیازها نگه داشته شده است. برگهٔ ارسال‌شده دیگر تغییر نمی‌کند.</translation>
    </message>
    <message>
        <source>Score each criterion independently. Other members cannot see or change your sheet, and you see theirs only after you submit your own. A submitted sheet cannot be changed.</source>
        <translation>به هر معیار مستقل از دیگران امتیاز دهید. دیگر اعضا برگهٔ شما را نمی‌بینند و نمی‌توانند تغییر دهند، و شما هم برگه‌های آنان را تنها پس از ارسال برگهٔ خودتان می‌بینید. برگهٔ ارسال‌شده دیگر تغییر نمی‌کند.</translation>
    </message>
    <message>
        <source>Submitted on %1</source>
        <translation>ارسال‌شده در %1</translation>
    </message>
    <message>
        <source>Draft saved on %1 (not submitted yet)</source>
        <translation>پیش‌نویس ذخیره‌شده در %1 (هنوز ارسال نشده)</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>هنوز ذخیره نشده</translation>
    </message>
    <message>
        <source>Submit evaluation sheet</source>
        <translation>ارسال برگهٔ ارزیابی</translation>
    </message>
    <message>
        <source>After submitting, your sheet can no longer change and you will see the other members' submitted sheets. Submit it now?</source>
        <translation>پس از ارسال، برگهٔ شما دیگر تغییر نمی‌کند و برگه‌های ارسال‌شدهٔ دیگر اعضا را خواهید دید. اکنون ارسال شود؟</translation>
    </message>
    <message>
        <source>Print evaluation sheet</source>
        <translation>چاپ برگهٔ ارزیابی</translation>
    </message>
    <message>
        <source>Your unsaved edits are not printed; the sheet as last saved is. Print it?</source>
        <translation>تغییرهای ذخیره‌نشدهٔ شما چاپ نمی‌شوند؛ برگه همان‌گونه که آخرین بار ذخیره شده چاپ می‌شود. چاپ شود؟</translation>
    </message>
    <message>
        <source>Your evaluation sheet</source>
        <translation>برگهٔ ارزیابی شما</translation>
    </message>
</context>
</TS>