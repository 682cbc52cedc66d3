app-name = jobmap
app-title = Жұмыс орындарын құруды мониторингілеу картасы
app-subtitle = Жұмыспен қамтудың жол картасы: инфрақұрылымдық жобалар, шарттар және құрылған жұмыс орындары
skip-to-content = Негізгі мазмұнға өту
nav-home = Шолу
nav-main = Басты мәзір
nav-sign-in = Кіру
language-label = Тіл
language-switch = Тілді ауыстыру
footer-about = Көрсеткіштер Жол картасының анықтамалары бойынша есептеледі: құрылған жұмыс орындары — шарттар бойынша тіркелген жұмысқа қабылдаулар; жұмыспен қамту орталықтарының үлесі — орталықтар арқылы қабылданғандардың барлық қабылданғандарға қатынасы.
footer-health = Қызмет күйі
flash-info = Ақпарат
flash-success = Дайын
flash-error = Түзету қажет

projects-count = { $count ->
    [one] { $count } жоба
   *[other] { $count } жоба
}
jobs-count = { $count ->
    [one] { $count } жұмыс орны
   *[other] { $count } жұмыс орны
}
regions-count = { $count ->
    [one] { $count } өңір
   *[other] { $count } өңір
}

home-heading = Жол картасындағы Қазақстан өңірлері
home-lead = jobmap деректері бойынша өңірлер бөлінісінде тіркелген жобалар мен құрылған жұмыс орындары.
home-regions-caption = { $count ->
    [one] Қолданыстағы әкімшілік бөліністе { $count } өңір
   *[other] Қолданыстағы әкімшілік бөліністе { $count } өңір
}
col-kato = ӘАОЖ
col-region = Өңір
col-projects = Жобалар
col-jobs-created = Құрылған жұмыс орындары
col-active-since = Қолданылу басы
home-total = Қазақстан
home-since-split = { $date } бастап

error-400-title = Сұрауды түсіну мүмкін болмады
error-400-body = Жіберілген деректерде бірдеңе бұрмаланған немесе жетіспейді. Артқа оралып, форманы тексеріп, қайта жіберіңіз.
error-403-title = Бұл бетке қолжетімділігіңіз жоқ
error-403-body = Рөліңіз бұл әрекетті орындауға рұқсат бермейді. Рұқсат болуы керек деп санасаңыз, әкімшіге хабарласыңыз.
error-403-csrf = Форманың мерзімі өтіп кеткен немесе ол осы сайттан жіберілмеген. Артқа оралып, бетті жаңартып, форманы қайта жіберіңіз.
error-404-title = Бет табылмады
error-404-body = Мекенжайды тексеріңіз. Сілтеме арқылы өтсеңіз, жазба жойылған немесе сіздің өңіріңізге жатпайтын болуы мүмкін.
error-405-title = Бұл әрекет мұнда қолжетімсіз
error-405-body = Бет мұндай сұрауды қабылдамайды. Артқа оралып, беттегі батырмаларды пайдаланыңыз.
error-413-title = Жіберілген деректер тым үлкен
error-413-body = Файл немесе форма рұқсат етілген көлемнен асады. Файлды бөліктерге бөліп, қайталап көріңіз.
error-415-title = Қолдау көрсетілмейтін формат
error-415-body = Бет басқа түрдегі форманы немесе файлды күтті. Артқа оралып, беттегі форманы пайдаланыңыз.
error-429-title = Сұраулар тым көп
error-429-body = Бір минут күтіп, қайталап көріңіз.
error-500-title = Кешіріңіз, қате орын алды
error-500-body = Енгізілген деректер жартылай сақталған жоқ: біраздан соң қайталап көріңіз. Қате қайталанса, әкімшіге төмендегі нөмірді хабарлаңыз.
error-503-title = Қызмет уақытша қолжетімсіз
error-503-body = Қазір дерекқормен байланыс жоқ. Бірнеше минуттан соң қайталап көріңіз.
error-other-title = Сұрау орындалмады
error-other-body = Артқа оралып, қайталап көріңіз.
error-reference = Өтініш нөмірі
error-home-link = Шолуға өту

region-kind-region = облыс
region-kind-city = республикалық маңызы бар қала

nav-users = Пайдаланушылар
nav-sign-out = Шығу
nav-change-password = Құпиясөзді өзгерту
form-choose = Таңдаңыз…
flash-signed-out = Жүйеден шықтыңыз.
flash-password-changed = Құпиясөз өзгертілді. Есептік жазбаңыздың басқа сеанстары аяқталды.
flash-user-activated = Есептік жазба қайта белсенді.
flash-user-deactivated = Есептік жазба өшірілді, оның сеанстары аяқталды.
flash-cannot-deactivate-self = Өз есептік жазбаңызды өшіре алмайсыз.

role-admin = Әкімші
role-commission = Комиссия мүшесі
role-akimat = Әкімдік қызметкері
role-contractor = Мердігер
role-unknown = Белгісіз рөл

login-heading = Кіру
login-login = Логин
login-password = Құпиясөз
login-submit = Кіру
login-help = Есептік жазбаларды әкімші береді. Құпиясөзді ұмытсаңыз, оны қалпына келтіруді сұраңыз.
login-invalid = Логин немесе құпиясөз қате.
login-locked = { $minutes ->
    [one] Сәтсіз әрекеттер тым көп: есептік жазба бұғатталды. { $minutes } минуттан соң қайталаңыз.
   *[other] Сәтсіз әрекеттер тым көп: есептік жазба бұғатталды. { $minutes } минуттан соң қайталаңыз.
}

password-heading = Құпиясөзді өзгерту
password-current = Ағымдағы құпиясөз
password-new = Жаңа құпиясөз
password-confirm = Жаңа құпиясөз тағы бір рет
password-rules = Кемінде 8 таңба. Бір-бірімен байланыссыз бірнеше сөз — берік әрі есте сақталатын құпиясөз; кең таралған құпиясөздер қабылданбайды.
password-submit = Құпиясөзді өзгерту
password-current-wrong = Ағымдағы құпиясөз қате.
password-confirm-differs = Жаңа құпиясөздер сәйкес келмейді.
password-too-short = Құпиясөз кемінде 8 таңбадан тұруы керек.
password-too-long = Құпиясөз 128 таңбадан аспауы керек.
password-too-common = Бұл құпиясөз тым кең таралған немесе оңай табылады. Ұзынырақ құпиясөз таңдаңыз, мысалы, байланыссыз үш-төрт сөзден.

users-heading = Пайдаланушылар
users-add = Пайдаланушы қосу
users-create = Есептік жазба құру
users-back = Пайдаланушылар тізіміне
users-to-account = Есептік жазбаға өту
users-count = { $count ->
    [one] { $count } есептік жазба
   *[other] { $count } есептік жазба
}
user-login = Логин
user-login-hint = 3-тен 64-ке дейін таңба: латын әріптері, цифрлар, нүкте, астын сызу немесе дефис.
user-full-name = Аты-жөні
user-role = Рөлі
user-region = Өңір
user-region-hint = Тек әкімдік қызметкерлері үшін: олар жобаларымен айналысатын өңір.
user-bin = Мердігердің БСН
user-bin-hint = Тек мердігерлер үшін: ұйымының 12 таңбалы БСН.
user-scope = Қолжетімділік аясы
user-scope-national = барлық өңірлер
user-scope-region = өңір
user-scope-bin = БСН
user-status = Күйі
user-active = белсенді
user-inactive = өшірілген
user-created-at = Құрылған күні
user-history = Тарих
user-deactivate = Есептік жазбаны өшіру
user-activate = Есептік жазбаны қосу
user-reset-password = Құпиясөзді қалпына келтіру
user-created-heading = Есептік жазба құрылды
user-reset-heading = Құпиясөз қалпына келтірілді
user-password-once = Бұл құпиясөзді пайдаланушыға өзіңіз беріңіз. Ол бір рет қана көрсетіледі; кіргеннен кейін оны өзгерту керек.
user-login-invalid = 3-тен 64-ке дейін таңбадан тұратын логин енгізіңіз: латын әріптері, цифрлар, нүкте, астын сызу немесе дефис.
user-login-taken = Бұл логин бос емес.
user-role-required = Рөлді таңдаңыз.
user-region-required = Әкімдік қызметкерінің өңірін таңдаңыз.
user-bin-invalid = Мердігердің 12 таңбалы БСН енгізіңіз; цифрларды тексеріңіз — бақылау цифры сәйкес келмейді.
user-scope-mismatch = Өңір тек әкімдік қызметкерлеріне, БСН тек мердігерлерге көрсетіледі: артық өрісті тазартыңыз.

audit-when = Уақыты (UTC)
audit-who = Кім
audit-action = Әрекет
audit-ip = Мекенжай

nav-projects = Жобалар
nav-review = Қаралуда
nav-plans = Айлық жоспарлар
nav-audit = Аудит журналы

form-back = Артқа
form-save = Сақтау
form-cancel = Болдырмау
money-hint = Бүтін теңгемен, мысалы 250 000 000.
filter-all = Барлығы
filter-apply = Сүзгілерді қолдану
filter-clear = Сүзгілерді тазарту
filter-show = Көрсету
filter-from = Бастап
filter-to = Дейін
pagination = Беттер
pagination-prev = Алдыңғы
pagination-next = Келесі
pagination-of = { $pages } беттің { $page }-беті

field-required = Өрісті толтырыңыз.
field-choose = Нұсқалардың бірін таңдаңыз.
field-too-long = { $max } таңбадан аспауы керек.
field-whole-number = Бөлшексіз бүтін сан енгізіңіз.
field-range = { $min } мен { $max } аралығындағы сан енгізіңіз.
field-date = Күнді ЖЖЖЖ-АА-КК немесе КК.АА.ЖЖЖЖ түрінде енгізіңіз.

direction-social_cultural = Әлеуметтік-мәдени нысандар
direction-housing_communal = Тұрғын үй-коммуналдық шаруашылық
direction-engineering_transport = Инженерлік-көліктік инфрақұрылым
direction-settlement_improvement = Елді мекендерді абаттандыру
work-capital_repair = Күрделі жөндеу
work-medium_repair = Орташа жөндеу
work-current_repair = Ағымдағы жөндеу
work-reconstruction = Реконструкция
work-construction = Құрылыс
funding-republican_budget = Республикалық бюджет
funding-local_bonds = Жергілікті атқарушы органдардың облигациялары
funding-targeted_transfers = Нысаналы ағымдағы трансферттер
funding-local_budget = Жергілікті бюджет

status-draft = Жоба нұсқасы
status-submitted = Қаралуда
status-approved = Мақұлданды
status-rejected = Қабылданбады
status-tendering = Конкурс
status-contracted = Шарт жасалды
status-in_progress = Жұмыс жүргізілуде
status-completed = Аяқталды
status-suspended = Тоқтатылды
status-cancelled = Күші жойылды
action-submit = Комиссияға жіберу
action-approve = Мақұлдау
action-reject = Қабылдамау
action-start_tendering = Конкурсты бастау
action-complete = Аяқталғанын белгілеу
action-suspend = Тоқтата тұру
action-resume = Қайта бастау
action-cancel = Жобаның күшін жою

projects-heading = Жобалар
projects-back = Жобалар тізіміне
projects-search = Коды немесе атауы
projects-none = Сүзгілерге сәйкес жобалар жоқ.
projects-found = { $count ->
    [one] { $count } жоба
   *[other] { $count } жоба
}
project-new-heading = Жаңа жоба
project-edit-heading = Жобаны өңдеу
project-edit = Өзгерту
project-code = Коды
project-code-hint = Тіркеу нөміріңіз, мысалы 27-2020-001: латын әріптері, цифрлар, - _ . /
project-title = Атауы
project-district = Аудан
project-settlement = Елді мекен
project-location = Орналасқан жері
project-latitude = Ендік
project-longitude = Бойлық
project-coordinates-hint = Міндетті емес. Ондық градустар, мысалы 51.2333 және 51.3667.
project-direction = Бағыты
project-work-type = Жұмыс түрі
project-funding = Қаржыландыру көзі
project-budget = Бюджеті, ₸
project-planned-jobs = Жоспарлы жұмыс орындары
project-planned-center = Жұмыспен қамту орталықтары арқылы жұмысқа орналастыру жоспары
project-planned-center-hint = Жоспарлы жұмыс орындарының кемінде жартысы.
project-planned-permanent = Аяқталғаннан кейінгі тұрақты жұмыс орындары
project-planned-start = Жоспарлы басталуы
project-planned-end = Жоспарлы аяқталуы
project-period = Жоспарлы кезең
project-status = Мәртебесі
project-code-format = Код: 3-тен 40-қа дейін таңба — латын әріптері, цифрлар және - _ . /
project-code-taken = Мұндай коды бар жоба бұрыннан бар.
project-center-below-half = Жоспарлы жұмыс орындарының кемінде жартысы жұмыспен қамту орталықтары арқылы болуы керек: { $jobs } жоспарлы орынға кемінде { $min } көрсетіңіз.
project-center-above-jobs = Жұмыспен қамту орталықтары арқылы орналастыру { $jobs } жоспарлы орыннан аспауы керек.
project-end-before-start = Жоспарлы аяқталуы басталуынан ерте болмауы керек.
project-coordinates-pair = Ендікті де, бойлықты да көрсетіңіз немесе екеуін де бос қалдырыңыз.
project-coordinates-format = Координаттарды ондық градуспен көрсетіңіз, мысалы 51.2333.
project-coordinates-outside = Бұл координаттар Қазақстанда емес. Ендік пен бойлық ауысып кетпегенін тексеріңіз.
project-stale = Сіз форманы ашқаннан кейін бұл жобаны басқа біреу сақтады. Сіздің өзгерістеріңіз сақталмады.
project-stale-changed = Форма ашылғаннан бері өзгергені
project-stale-advice = Сіз енгізген деректер төменде сақталған. Оларды ағымдағы мәндермен салыстырып, өзіңіздікін қалдыру үшін қайта сақтаңыз.
project-history-link = Өзгерістердің толық тарихы
project-history-heading = Өзгерістер тарихы
flash-project-created = Жоба жоба нұсқасы ретінде құрылды.
flash-project-saved = Жоба сақталды.
flash-project-not-editable = Бұл жобаны енді өзгертуге болмайды: тек жоба нұсқалары мен қабылданбаған жобалар өзгертіледі.
flash-project-submitted = Жоба комиссияға жіберілді.
flash-project-approved = Жоба мақұлданды.
flash-project-rejected = Жоба қабылданбады; әкімдік қызметкері оны түзетіп, қайта жібере алады.
flash-project-status-changed = Мәртебесі өзгертілді.
flash-project-changed-meanwhile = Бұл жобаны жаңа ғана басқа біреу өзгертті. Ештеңе өзгертілмеді; жобаны тексеріп, қайталаңыз.

decision = Комиссия шешімі
decision-number = Шешім нөмірі
decision-date = Шешім күні
decision-limit = Мақұлданған қаржыландыру лимиті, ₸
decision-number-required = Комиссия шешімінің нөмірін көрсетіңіз.
decision-date-future = Шешім күні болашақта болмауы керек.
decision-limit-required = Мақұлданған лимитті нөлден үлкен бүтін теңгемен көрсетіңіз.
status-change-heading = Мәртебені өзгерту
status-history = Мәртебелер тарихы
status-from = Қайдан
status-to = Қайда
status-comment = Түсініктеме
status-comment-required = Себебін көрсетіңіз: ол жоба тарихында сақталады.

review-heading = Қаралудағы жобалар
review-lead = Барлық өңірлерден түскен жобалар, ең ұзақ күткендері бірінші.
review-waiting-since = Түскен күні
review-empty = Қарауды күтіп тұрған жобалар жоқ.
review-count = { $count ->
    [one] { $count } жоба күтуде
   *[other] { $count } жоба күтуде
}

plans-heading = Айлық жоспарлар
plans-year = Жыл
plans-month = Ай
plans-total = Айлық жоспарлардың жиыны
plans-projects-total = { $count ->
    [one] Осы жылы жүріп жатқан { $count } жобаның жоспарлары
   *[other] Осы жылы жүріп жатқан { $count } жобаның жоспарлары
}
plans-choose-region = Жоспарларын көру үшін өңірді таңдаңыз.
plans-stale = Сіз бетті ашқаннан кейін кейбір айларды басқа біреу өзгертті (белгіленген). Ештеңе сақталмады; тексеріп, қайта сақтаңыз.
flash-plans-saved = Айлық жоспарлар сақталды.
month-1 = Қаңтар
month-2 = Ақпан
month-3 = Наурыз
month-4 = Сәуір
month-5 = Мамыр
month-6 = Маусым
month-7 = Шілде
month-8 = Тамыз
month-9 = Қыркүйек
month-10 = Қазан
month-11 = Қараша
month-12 = Желтоқсан

audit-heading = Аудит журналы
audit-entity = Жазба түрі
audit-record = Жазба
audit-changes = Өзгерістер
audit-none = Сүзгілерге сәйкес оқиғалар жоқ.
import-heading = CSV-дан импорттау
import-lead = Өңіріңіздің көп жобасын CSV файлынан бірден жүктеңіз (бөлгіш — үтір немесе нүктелі үтір, UTF-8 кодтауы). Не барлық жолдар, не бірде-бірі импортталмайды: көрсетілген жолдарды түзетіп, файлды қайта жүктеңіз.
import-file = CSV файлы
import-file-hint = { $count ->
    [one] 5 МБ және { $count } жолдан аспауы керек.
   *[other] 5 МБ және { $count } жолдан аспауы керек.
}
import-submit = Тексеру және импорттау
import-columns = Бағандар
import-template = Үлгіні жүктеп алу (тақырып жолы)
import-meaning = Мағынасы және рұқсат етілген мәндер
import-refused = Ештеңе импортталмады
import-problem-count = { $count ->
    [one] Түзетілетін { $count } қате:
   *[other] Түзетілетін { $count } қате:
}
import-line = Жол
import-column = Баған
import-problem = Қате
import-not-utf8 = Файл UTF-8 кодтауында емес (Windows-1251 болуы мүмкін). Excel-де «Басқаша сақтау» → «CSV UTF-8 (үтірмен бөлінген)» таңдаңыз.
import-no-header = Бірінші жолда бағандардың атаулары болуы керек.
import-missing-columns = Бірінші жолда мына бағандар жоқ: { $columns }.
import-bad-line = Бұл жолды CSV ретінде оқу мүмкін емес (тырнақшаларды тексеріңіз).
import-too-many-rows = Файлда { $max } жолдан көп; оны бөліктерге бөліңіз.
import-wrong-field-count = Бұл жолда { $found } мән бар, ал тақырыпта { $expected } баған.
import-empty = Файлда тақырыптан кейін жолдар жоқ.
import-code-repeated = Бұл код файлдың { $line }-жолында қолданылған.
import-no-file = Жүктеу үшін CSV файлын таңдаңыз.
import-too-large = Файл { $max_mb } МБ-тан үлкен; оны бөліктерге бөліңіз.
import-code-taken-meanwhile = Файл тексеріліп жатқанда { $code } коды бар басқа жоба сақталды. Ештеңе импортталмады; файлды қайта жүктеңіз.
flash-import-done = { $count ->
    [one] { $count } жоба жоба нұсқасы ретінде импортталды.
   *[other] { $count } жоба жоба нұсқалары ретінде импортталды.
}
user-locked-until = Бұғатталған мерзімі
audit-action-user-bootstrap = Алғашқы әкімші құрылды
audit-action-user-create = Есептік жазба құрылды
audit-action-user-activate = Есептік жазба қосылды
audit-action-user-deactivate = Есептік жазба өшірілді
audit-action-user-password_reset = Құпиясөзді әкімші қалпына келтірді
audit-action-user-password_change = Құпиясөз өзгертілді
audit-action-auth-login = Кіру
audit-action-auth-login_failed = Сәтсіз кіру
audit-action-auth-lockout = Сәтсіз кірулерден кейін бұғаттау
audit-action-auth-logout = Шығу
audit-action-project-create = Жоба құрылды
audit-action-project-update = Жоба өзгертілді
audit-action-project-status = Мәртебесі өзгертілді
audit-action-project-import = Жоба CSV-дан импортталды
audit-action-plan-update = Айлық жоспар өзгертілді
decision-date-required = Комиссия шешімінің күнін көрсетіңіз.
