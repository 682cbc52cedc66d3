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

yes = Иә
no = Жоқ
nav-contracts = Менің шарттарым
date-in-future = Күн болашақта болмауы керек.
field-money = Соманы бүтін теңгемен енгізіңіз, мысалы 1 250 000.
bin-hint = 12 цифр.
bin-format = БСН 12 цифрдан тұрады.
bin-check-digit = Бұл БСН жарамсыз: цифрларды тексеріңіз — бақылау цифры сәйкес келмейді.
iin-format = ЖСН 12 цифрдан тұрады.
iin-check-digit = Бұл ЖСН жарамсыз: цифрларды тексеріңіз — бақылау цифры сәйкес келмейді.
iin-birth-date = Бұл ЖСН-нің алғашқы жеті цифры нақты туған күн емес.
category-goods = Тауарлар
category-works = Жұмыстар
category-services = Қызметтер
kind-temporary = Уақытша (жұмыстар кезеңіне)
kind-permanent = Тұрақты
channel-employment_center = Жұмыспен қамту орталығының жолдамасымен
channel-direct = Тікелей

contract = Шарт
contracts-heading = Шарттар
contracts-none = Әзірге шарттар жоқ.
contract-new-heading = Шартты енгізу
contract-save = Шартты енгізу
contract-bin = Мердігердің БСН
contract-name = Мердігер
contract-number = Шарт нөмірі
contract-number-taken = Бұл жоба бойынша мұндай нөмірлі шарт бұрын енгізілген.
contract-signed-on = Қол қойылған күні
contract-amount = Шарт сомасы, ₸
contract-declared = Мәлімделген жергілікті қамту
contract-declared-hint = Шарт бойынша тауарлардың, жұмыстардың және қызметтердің құны және әрқайсысының отандық бөлігі, теңгемен. Олардың жиыны шарт сомасына тең және кемінде 90% отандық болуы керек.
contract-goods = Тауарлар, ₸
contract-goods-domestic = оның ішінде отандық, ₸
contract-works = Жұмыстар, ₸
contract-works-domestic = оның ішінде отандық, ₸
contract-services = Қызметтер, ₸
contract-services-domestic = оның ішінде отандық, ₸
contract-domestic-above-value = Отандық бөлігі құнынан аспауы керек.
contract-parts-sum = Тауарлар, жұмыстар және қызметтер жиыны { $sum } ₸, ал шарт сомасы { $amount } ₸.
contract-domestic-below = Мәлімделген отандық үлес — { $share }; кемінде 90% қажет. { $shortfall } ₸ соманы отандық жеткізушілерге ауыстырыңыз.
contract-hires = Жұмысқа орналастыру
contract-center-hires = жұмыспен қамту орталықтары арқылы
contract-direct-hires = тікелей
contract-center-share = жұмыспен қамту орталықтарының үлесі (кемінде 50%)
contract-all-hires = { $count ->
    [one] { $count } жұмысқа орналастыру
   *[other] { $count } жұмысқа орналастыру
}
contract-local-content = Жергілікті қамту
contract-combined = Тауарлар, жұмыстар және қызметтер бірге
contract-declared-value = Мәлімделді, ₸
contract-declared-domestic = оның ішінде отандық, ₸
contract-declared-share = Мәлімделген үлес
contract-recorded-value = Сатып алулар тізілімінде, ₸
contract-recorded-share = Есепке алынған үлес
flash-contract-created = Шарт енгізілді.

ledger-heading = Сатып алулар тізілімі
ledger-lead = Шарт бойынша барлық сатып алулар, отандық және отандық емес. Отандық емес сатып алулар шарт сомасы мен тізілім жиынының үлкенінің 10%-ынан аспауы керек.
ledger-add = Сатып алуды қосу
ledger-category = Санаты
ledger-description = Не сатып алынды
ledger-amount = Сомасы, ₸
ledger-origin = Шығу тегі
ledger-domestic = Отандық
ledger-foreign = Отандық емес
ledger-is-domestic = Қазақстанда өндірілген (отандық)
ledger-producer-bin = Өндірушінің БСН
ledger-certificate = СТ-KZ сертификатының нөмірі
ledger-certificate-hint = Отандық тауарлар үшін міндетті.
ledger-certificate-required = Отандық тауарлар үшін СТ-KZ шығу тегі сертификатының нөмірін көрсетіңіз.
ledger-empty = Әзірге сатып алулар жоқ.
ledger-foreign-over = Бұл отандық емес сатып алу отандық емес шығыстарды { $after } ₸ жеткізер еді, ал шегі { $limit } ₸ (10%). Отандық өндірушіден сатып алыңыз немесе соманы азайтыңыз.
flash-ledger-line-added = Сатып алу енгізілді.

jobs-heading = Жұмысқа орналастырылғандар
job-heading = Жұмысқа орналастыру
hire-new-heading = Жұмысқа орналастыруды енгізу
hire-import-heading = Жұмысқа орналастыруларды CSV-дан импорттау
hire-save = Жұмысқа орналастыруды енгізу
hire-counts-now = Қазір шарт бойынша: { $center } жұмыспен қамту орталықтары арқылы, { $direct } тікелей.
hire-worker = Қызметкер
hire-job = Жұмыс орны
hire-iin = ЖСН
hire-iin-hint = 12 цифр; туған күні мен жынысы осыдан алынады.
hire-full-name = Аты-жөні
hire-home-settlement = Тұратын елді мекені
hire-arrived = Басқа елді мекеннен келген
hire-position = Лауазымы
hire-date = Жұмысқа қабылданған күні
hire-wage = Айлық жалақы, ₸
hire-kind = Жұмыс орнының түрі
hire-channel = Жұмысқа орналастыру тәсілі
hire-referral-number = Жолдама нөмірі
hire-referral-date = Жолдама күні
hire-referral-hint = Жұмыспен қамту орталығы арқылы орналастыру үшін.
hire-birth-date = Туған күні
hire-youth = Жастар (қабылдау күні 15–28 жас)
hire-referral-required = Жұмыспен қамту орталығы жолдамасының нөмірін көрсетіңіз.
hire-referral-date-required = Жұмыспен қамту орталығы жолдамасының күнін көрсетіңіз.
hire-referral-after-hire = Жолдама қабылдаудан кейінгі күнмен берілмейді.
hire-before-contract = Қабылдау күні шартқа қол қойылған күннен ({ $signed }) ерте болмауы керек.
hire-too-many-direct = Енгізілмеді: бұл тікелей қабылдаудан кейін шарт бойынша тікелей қабылданғандар жұмыспен қамту орталықтары арқылы қабылданғандардан көп болар еді (қазір орталықтар арқылы { $center }, тікелей { $direct }). Алдымен адамды жұмыспен қамту орталығының жолдамасымен орналастырыңыз, содан кейін бұл қызметкерді тікелей қабылдауға болады.
hire-active-elsewhere = Енгізілмеді: бұл қызметкердің { $code } жобасында Жол картасы бойынша қолданыстағы жұмыс орны бар. Алдымен сол жұмыстың аяқталуын белгілеңіз.
hire-worker-busy = Бұл қызметкерді дәл сол сәтте басқа біреу енгізді. Тізімді тексеріп, қайталаңыз.
hire-import-lead = Осы шарт бойынша көп жұмысқа орналастыруды CSV файлынан жүктеңіз. Жолдар ретімен форманың ережелерімен қолданылады; не барлық жолдар, не бірде-бірі енгізілмейді.
hire-import-file-hint = { $count ->
    [one] 30 МБ және { $count } жолдан аспауы керек.
   *[other] 30 МБ және { $count } жолдан аспауы керек.
}
hire-import-columns = Күндер — 2020-06-01 немесе 01.06.2020; kind: temporary немесе permanent; channel: employment_center немесе direct; arrived_from_other_settlement: true немесе false. end_date: жұмыстың аяқталған күні немесе жұмыс жалғасып жатса бос.
flash-hire-recorded = Жұмысқа орналастыру енгізілді.
flash-hires-imported = { $count ->
    [one] { $count } жұмысқа орналастыру импортталды.
   *[other] { $count } жұмысқа орналастыру импортталды.
}
job-active = Жұмыс істеп жүр
job-end-date = Аяқталған күні
job-end-heading = Жұмыстың аяқталуы
job-end = Аяқталуын белгілеу
job-end-before-hire = Аяқталған күні қабылданған күннен ерте болмауы керек.
job-already-ended = Бұл жұмыс аяқталған.
job-correct-heading = Мәліметтерді түзету
job-correct = Түзетуді сақтау
flash-job-ended = Жұмыстың аяқталуы белгіленді.
flash-job-corrected = Мәліметтер түзетілді.
flash-job-changed-meanwhile = Бұл мәліметтерді жаңа ғана басқа біреу өзгертті. Ештеңе сақталмады; тексеріп, қайталаңыз.

lifting-heading = Көтерме жәрдемақы
lifting-due = Төленуге тиіс (қабылдау күнгі 2 ЕТЖ)
lifting-paid = Төленді
lifting-paid-on = Төлем күні
lifting-record = Төлемді белгілеу
lifting-not-eligible = Тиесілі емес: көтерме жәрдемақы басқа елді мекеннен келген, жұмыспен қамту орталықтары арқылы орналастырылғандарға төленеді.
lifting-date-invalid = Төлем күнін көрсетіңіз: қабылдаудан ерте емес және болашақта емес.
lifting-project-totals = { $eligible } ішінен { $paid } төленді
flash-lifting-paid = Көтерме жәрдемақы төлемі белгіленді.
flash-lifting-already-paid = Бұл жұмыс орны бойынша көтерме жәрдемақы төлемі бұрын белгіленген.
flash-lifting-not-eligible = Бұл жұмыс орны бойынша көтерме жәрдемақы тиесілі емес.

audit-action-contract-create = Шарт енгізілді
audit-action-ledger-add = Сатып алу енгізілді
audit-action-job-create = Жұмысқа орналастыру енгізілді
audit-action-job-import = Жұмысқа орналастыру CSV-дан импортталды
audit-action-job-end = Жұмыс аяқталды
audit-action-job-correct = Жұмысқа орналастыру мәліметтері түзетілді
audit-action-lifting-pay = Көтерме жәрдемақы төлемі белгіленді

nav-map = Карта
nav-dashboard = Көрсеткіштер
nav-compliance = Шарттардың сақталуы
dashboard-lead = Әр өңірдің жобалары мен жұмыс орындары, құрылған жоспарлы жұмыс орындарының үлесі бойынша. Сол күнгі көрсеткіштерді көру үшін күнді таңдаңыз.
dashboard-as-of = Көрсеткіштер күні
fig-rank = Орны
fig-projects-selected = Іріктелген жобалар
fig-projects-approved = Мақұлданды
fig-projects-started = Басталды
fig-projects-completed = Аяқталды
fig-planned-jobs = Жоспарлы жұмыс орындары
fig-jobs-created = Құрылған жұмыс орындары
fig-plan-share = Жоспардың %
fig-center-hires = Жұмыспен қамту орталықтары арқылы
fig-center-share = Жұмыспен қамту орталықтарының үлесі
fig-youth-share = Жастардың үлесі
fig-permanent = Тұрақты орындар (құрылды / жоспар)
fig-lifting = Көтерме жәрдемақы
fig-domestic-share = Отандық үлес
chart-plan-vs-actual = Айлар бойынша құрылған жұмыс орындары айлық жоспармен салыстырғанда
chart-created = Құрылды
chart-planned = Жоспар
region-rank = Жоспардың % бойынша { $of } өңірдің ішінде { $rank }-орын
region-by-direction = Бағыттар бойынша
region-rank-history = Айлар бойынша орны
region-projects = Жобалар
compliance = Шарттар
compliance-ok = Екі шарт та сақталды
compliance-breach = Шарт бұзылды
map-heading = Жұмыс орындарын құру картасы
map-no-hires = Әзірге жұмысқа орналастыру мен шарттар жоқ
compliance-heading = Бағдарлама шарттарының сақталуы
compliance-lead = Жұмыспен қамту орталықтарының 50% үлесінен және 90% отандық үлестен төмен немесе 5 тармақ шегіндегі шарттар, кестеден жоспардың 20 тармағынан астам қалып қойған жобалар және айлық жоспарлардан қалып қойған өңірлер. Ең нашарлары бірінші.
compliance-center-heading = Жұмыспен қамту орталықтары арқылы орналастырылғандардың үлесі
compliance-domestic-heading = Есепке алынған сатып алулардағы отандық үлес
compliance-lagging-heading = Жоспардан қалып қойған жобалар
compliance-regions-heading = Айлық жоспарлардан қалып қойған өңірлер
compliance-none = Бұзушылықтар жоқ.
compliance-expected = Күнге күтілгені
compliance-monthly-planned = Күнге дейінгі айлық жоспарлар
compliance-shortfall = Қалып қою
export-permanent-planned = Жоспар бойынша тұрақты орындар
export-permanent-created = Құрылған тұрақты орындар
export-lifting-tenge = Төленген көтерме жәрдемақы, ₸
map-no-plan = Мақұлданған жоспар жоқ
map-region = Өңір жобалары
map-all-regions = Бүкіл ел: тек талап бұзылған жобалар
map-points-summary = Көрсетілген жобалар: { $shown } / { $total }. Өңірдің барлық жобаларын көру үшін өңірді таңдаңыз.

## Compliance states (issue 11)
state-met = Орындалды
state-at-risk = Қауіп бар
state-breached = Бұзылды
state-no-data = Әзірге дерек жоқ
state-legend-summary = Күйлер нені білдіреді
state-met-means = Шарт қормен орындалады: жұмысшылардың кемінде 55%-ы жұмыспен қамту орталықтары арқылы алынған, не отандық үлес мәлімделген және есепке алынған сатып алулар бойынша да кемінде 95%.
state-at-risk-means = Шарт орындалады, бірақ шегінен 5 пункттен аспайды, не есепке алынған сатып алулар әзірге 90%-дан төмен, дегенмен шарттың қалған бөлігі үлесті 90%-ға жеткізе алады. Жолда не істеу керегі жазылған.
state-breached-means = Қазіргі деректер бойынша шарт бұзылған, мысалы түзетуден кейін немесе ереже енгізілгенге дейін жүктелген деректерде. Жолда оны не қалпына келтіретіні жазылған.
state-no-data-means = Бағалайтын ештеңе әзірге жоқ: жұмысқа алу жоқ, не мәлімделген және есепке алынған сатып алу жоқ.
condition-center = Жұмыспен қамту орталықтары арқылы жұмысқа алу (кемінде 50%)
condition-domestic = Отандық үлес (кемінде 90%)
reason-center-no-hires = Әзірге жұмысқа алу жоқ.
reason-center-breached = Жұмыспен қамту орталықтары арқылы жұмысқа алынғандар { $share }: 50%-ды қалпына келтіру үшін орталық арқылы тағы { $needed } адам алу керек.
reason-center-at-risk = Жұмыспен қамту орталықтары арқылы жұмысқа алынғандар { $share }. { $direct ->
    [0] Келесі жұмысқа алу орталық арқылы болуы тиіс.
   *[other] Тікелей тағы тек { $direct } адам алуға болады; одан кейін әр екінші адам орталық арқылы алынуы тиіс.
}
reason-center-met = Жұмыспен қамту орталықтары арқылы жұмысқа алынғандар { $share }; тікелей тағы { $direct } адам алуға болады.
reason-domestic-no-data = Мәлімделген және есепке алынған сатып алу әзірге жоқ.
reason-declared-breached = Мәлімделген отандық үлес { $share } — 90%-дан төмен.
reason-ledger-breached = Есепке алынған отандық үлес { $share }: шетелдік сатып алулар 10% шегінен { $excess } ₸ асып кетті.
reason-ledger-recoverable = Есепке алынған отандық үлес { $share }. Қалған { $remaining } ₸-ның кемінде { $needed } ₸-сы отандық болуы тиіс.
reason-declared-near = Мәлімделген отандық үлес { $share } — 90%-дан 5 пункттен аспайды.
reason-ledger-near = Есепке алынған отандық үлес { $share }; шетелдік сатып алуды тағы тек { $foreign } ₸-ға қосуға болады.
reason-domestic-met = Отандық үлес { $share }; шетелдік сатып алуды тағы { $foreign } ₸-ға дейін қосуға болады.
compliance-summary-heading = Өңірлер бойынша жиынтық
compliance-summary-caption = { $date } жағдай бойынша әр шарттың күйіне қарай келісімшарттар; әр санның астында — осы күйдегі жобалар (жоба өз келісімшарттарының ең нашар күйін алады).
compliance-summary-hint = Сол келісімшарттарды көру үшін санды таңдаңыз.
compliance-projects-count = { $count } жоба
compliance-contracts-heading = Келісімшарттар
compliance-condition = Шарт
compliance-both-conditions = Екі шарт та
compliance-state = Күйі
compliance-needs-attention = Бұзылған немесе қауіп бар
compliance-needed = Не қажет
compliance-download = Бүкіл тізімді жүктеп алу
compliance-contracts-found = { $count } келісімшарт
compliance-lagging-count = { $count } жоба кестеден жоспардың 20 пунктінен астам артта қалып отыр; ең көп артта қалғандары көрсетілген.
region-no-plan = Рейтингте орны жоқ: бұл кезеңге өңірде жоспарлы жұмыс орны жоқ
region-contracts-flagged = Назар аударуды қажет етеді: { $contracts } келісімшарттың { $flagged }
project-progress-heading = Іске асыру барысы
progress-created-of-planned = { $planned } ішінен { $created }
progress-permanent = Тұрақты жұмыс орындары
chart-project-progress = Жоспар кестесіне қарағанда өсу қорытындысымен құрылған жұмыс орындары
chart-created-so-far = Күнге дейін құрылғаны
chart-expected-so-far = Жоспар бойынша күтілетіні
contract-compliance-heading = Шарттардың сақталуы
## wt-c: writes in one place
decision-limit-above-budget = Мақұлданған лимит жобаның { $budget } ₸ бюджетінен аспауы керек.
decision-date-before-submission = Шешімге жоба комиссияға ұсынылған күннен ({ $submitted }) бұрынғы күн қойылмауы керек.
status-note-contract = Шарт тіркелді.
status-note-first-hire = Алғашқы жұмысқа қабылдау тіркелді.
## wt-a: hires, corrections, the import oracle, the minimum wage
hire-active-out-of-scope = Енгізілмеді: бұл қызметкердің басқа жерде Жол картасы бойынша жұмыс орны бар. Мәселені осы жоба өңірінің әкімдік қызметкерлері сол жұмыс тіркелген өңірмен бірге шеше алады.
hire-probe-limit = Тексерілмеді: соңғы бір сағатта сізге Жол картасы бойынша жұмыс орындары сізге көрінбейтін қызметкерлер бойынша { $limit } рет бас тартылды. Дербес деректерді қорғау үшін қызметкерлерді енгізу және импорттау сіз үшін бір сағатқа дейін тоқтатылды. Мәселені осы жоба өңірінің әкімдік қызметкерлері шеше алады.
hire-wage-below-minimum = Толық жұмыс уақытындағы айлық жалақы жұмысқа қабылданған күні қолданыстағы ең төменгі жалақыдан ({ $min } ₸) төмен болмауы керек.
job-correction-lifting-paid = Бұл жұмыс орны бойынша көтерме жәрдемақы төленді: жалдау арнасы, басқа елді мекеннен келуі және ол есептелген жұмысқа қабылдау күні енді өзгертілмейді.
## wt-d: dashboard, map and audit log in words
dashboard-no-rank = — Орны жоқ: бұл күні өңірдің мақұлданған жоспары жоқ, сондықтан оны орналастыратын жоспардың % жоқ.
dashboard-more-figures = Басқа көрсеткіштер: кезеңдер бойынша жобалар, жастар, тұрақты орындар, көтерме жәрдемақы, отандық үлес
dashboard-projects-caption = Кезеңдер бойынша жобалар
dashboard-hires-caption = Жұмысқа орналастыру, көтерме жәрдемақы және жергілікті қамту
map-state-at-risk = Қауіп бар
map-state-breached = Бұзылды
map-state-no-data = Әзірге дерек жоқ
map-region-value = { $name }: жоспардың { $value }
map-legend-shading = Өңірлер: жоспардың %
map-legend-points = Жобалар
map-table-caption = Жоспардың % бойынша өңірлер
map-zoom = Картада көрсету
map-whole-country = Бүкіл ел
map-region-page = Өңір беті
map-scroll-hint = Бүкіл картаны көру үшін жанына қарай сырғытыңыз →
audit-entity-user = Есептік жазба
audit-entity-project = Жоба
audit-entity-monthly-plan = Айлық жоспар
audit-entity-contract = Шарт
audit-entity-job = Жұмысқа орналастыру
audit-entity-dataset = Жасалған деректер
audit-actor-cli = (пәрмен жолы)
audit-actor-anonymous = (кірмеген пайдаланушы)
audit-action-data-generate = Деректер жасалды
audit-field-lifting-amount = Көтерме жәрдемақы, ₸
audit-field-plan-jobs = Айдағы жоспарлы жұмыс орындары
audit-field-plan-center = Айдағы жұмыспен қамту орталықтары арқылы жоспарлы орналастыру
audit-field-direct-hires = Тікелей жалданғандар
audit-field-comment = Түсініктеме
audit-field-seed = Генератордың бастапқы мәні
audit-field-projects = Жобалар
audit-field-contracts = Шарттар
audit-field-jobs = Жұмысқа орналастырулар
audit-field-replaced = Бұрынғы деректер ауыстырылды
dashboard-compliance = Назар аударуды қажет ететін жобалар
dashboard-flagged = бұзылды: { $breached }, қауіп бар: { $risk }
## wt-b: uploads, sign-in and password guarding
error-503-uploads-busy = Дәл қазір бірнеше файл жүктеліп жатыр. Жарты минут күтіп, файлды қайта жіберіңіз.
audit-action-user-password_change_failed = Құпиясөзді ауыстырғанда ағымдағы құпиясөз қате енгізілді

## wt-f: exports that re-import
contract-import-heading = Шарттарды CSV-ден импорттау
contract-import-back = ← Шарттар
contract-import-lead = Өңіріңіздің көп шартын бірден енгізіңіз, әрқайсысы project_code бағанында коды көрсетілген жобаға (өңіріңіздің мақұлданған немесе жүріп жатқан жобалары). Не барлық жолдар жазылады, не бірде-біреуі жазылмайды: көрсетілген жолдарды түзетіп, файлды қайта жүктеңіз. Өңір шарттарының экспорты дәл осы бағандардан тұрады.
contract-export-region = Өңіріңіздің шарттары осы пішімде
contract-import-no-project = Өңіріңізде мұндай коды бар жоба жоқ.
contract-import-not-accepting = Бұл жоба қазір шарт қабылдамайды: ол мақұлданған және әлі аяқталмаған болуы керек.
flash-contracts-imported = { $count ->
    [one] { $count } шарт жазылды.
   *[other] { $count } шарт жазылды.
}

## wt-e: operations (the last consistency check)
ops-heading = Деректерді тексеру
ops-last-check = Соңғы келісімділік тексерісі
ops-checked-at = Тексерілген уақыты
ops-check-kind = Іске қосу
ops-kind-check = тексеру (jobmap check)
ops-kind-repair = қалпына келтіру (jobmap repair)
ops-check-result = Нәтиже
ops-check-passed = Өтті: сақталған барлық көрсеткіштер мен есептегіштер қайта есептеумен сәйкес келеді, барлық ережелер сақталған
ops-check-differences = { $count ->
    [one] { $count } айырмашылық табылды
   *[other] { $count } айырмашылық табылды
}
ops-check-duration = Ұзақтығы
ops-never-checked = Бұл дерекқорда тексеру әлі жүргізілген жоқ.
ops-how-to-check = Оператор тексеруді серверде `jobmap check` командасымен жүргізеді, ал сақталған көрсеткіштерді жазбалар бойынша `jobmap repair` командасымен қайта құрады.

## issue 13: procurement and plan files
ledger-import-heading = Сатып алу жолдарын импорттау
ledger-import-lead = Файлдың әр жолы осы шарттың сатып алу тізіліміне файлдағы ретпен қосылады және нысанда енгізгендей тексеріледі: шетелдік сатып алу шетелдік шығындарды 10%-дан асыра алмайды. Барлық жол дұрыс болмайынша ештеңе жазылмайды.
ledger-import-back = Шарттың сатып алуларына оралу
ledger-import-link = Жолдарды файлдан импорттау
ledger-export = Осы тізілім файл түрінде (қайта импорттауға болады)
ledger-import-domestic = true — отандық сатып алу, false — отандық емес
flash-ledger-imported = { $count ->
    [one] { $count } сатып алу жолы жазылды.
   *[other] { $count } сатып алу жолы жазылды.
}
plan-import-heading = Айлық жоспарларды импорттау
plan-import-lead = Әр жол өңіріңіз жоспарының бір айын белгілейді: ай 2024-07 түрінде, жоспарланған жұмыс орындары және жұмыспен қамту орталықтары арқылы жоспарланған жұмысқа орналастыру (кемінде жартысы). Файлда жоқ айлар өзгермейді. Барлық жол дұрыс болмайынша ештеңе сақталмайды.
plan-import-back = Айлық жоспарларға оралу
plan-import-link = Жоспарларды файлдан импорттау
plan-export = Осы өңір жоспарларының барлық айлары файл түрінде (қайта импорттауға болады)
plan-import-month-column = Ай, 2024-07 түрінде
plan-import-month = Айды 2024-07 түрінде жазыңыз.
plan-import-month-twice = Бұл ай { $line }-жолда бұрыннан бар.
plan-import-stale = Файл импортталып жатқанда біреу өңіріңіздің жоспарларын сақтады. Ештеңе сақталмады; файлды қайта жіберіңіз.
flash-plans-imported = { $count ->
    [one] { $count } айдың жоспары сақталды.
   *[other] { $count } айдың жоспары сақталды.
}

## wt-api-core
audit-actor-service = (сервистік есептік жазба)
api-problem-not-found = Табылмады
api-problem-forbidden = Бұл есептік жазбаға рұқсат етілмейді
api-problem-unauthorized = Жарамды API токені қажет
api-problem-bad-request = Қате сұрау
api-problem-invalid-query = Сұрау параметрлері қате
api-problem-malformed-json = Сұрау денесі дұрыс JSON емес
api-problem-invalid-body = Сұрау денесі күтілген өрістерге сәйкес емес
api-problem-invalid-fields = Кейбір өрістер қате толтырылған
api-problem-rule-refused = Бағдарлама ережесі бойынша қабылданбады
api-problem-body-too-large = Сұрау денесі тым үлкен
api-problem-unsupported-media-type = Қолдау көрсетілмейтін мазмұн түрі
api-problem-rate-limited = Бұл токенмен сұраулар тым көп
api-problem-unavailable = Уақытша қолжетімсіз
api-problem-internal = Ішкі қате
api-problem-method-not-allowed = Әдіске рұқсат етілмейді
api-problem-not-acceptable = Сұралған пішім қолжетімсіз
api-problem-client-error = Сұрауды өңдеу мүмкін емес
api-token-state-active = Жарамды
api-token-state-expired = Мерзімі өткен
api-token-state-revoked = Кері қайтарылған
footer-open-data = Ашық деректер және интеграция API-і
footer-open-data-csv = Жобалар (CSV)
api-docs-heading = Интеграция API-і
api-docs-intro = Басқа жүйелер jobmap деректерін /api/v1 арқылы әкімші берген сервистік есептік жазба токенімен оқиды және жазады. Ашық деректерге (жобалар мен көрсеткіштер, жеке деректерсіз) токен қажет емес.
api-docs-openapi = OpenAPI құжаты
api-docs-open-projects = Ашық деректер: жобалар (CSV)
api-docs-open-figures = Ашық деректер: көрсеткіштер (CSV)
api-docs-noscript = Интерактивті анықтамалыққа JavaScript қажет; жоғарыдағы OpenAPI құжаты әр операцияны сипаттайды.
service-accounts-heading = Сервистік есептік жазбалар (API)
service-accounts-intro = Басқа жүйелер интеграция API-імен сервистік есептік жазбаның токені арқылы жұмыс істейді. Сервистік есептік жазбаның пайдаланушы сияқты рөлі мен қолжетімділік аясы бар, бірақ ол бұл беттерге ешқашан кірмейді.
service-accounts-add = Сервистік есептік жазба қосу
service-accounts-create = Сервистік есептік жазба құру
service-accounts-back = Сервистік есептік жазбаларға оралу
service-accounts-to-account = Сервистік есептік жазбаға оралу
service-accounts-count = { $count ->
    [one] { $count } сервистік есептік жазба
   *[other] { $count } сервистік есептік жазба
}
service-account-name = Атауы
service-account-name-hint = 3-тен 64-ке дейін таңба: латын әріптері, цифрлар, «.», «_» немесе «-», мысалы hr-system.astana
service-account-name-invalid = 3-тен 64-ке дейін таңбадан тұратын атау енгізіңіз: латын әріптері, цифрлар, «.», «_» немесе «-»
service-account-name-taken = Мұндай атаулы сервистік есептік жазба бар
service-account-description = Сипаттамасы
service-account-description-hint = Оны қай жүйе пайдаланады және кімге хабарласу керек
api-tokens-heading = Токендер
api-tokens-count = { $count ->
    [one] { $count } токен
   *[other] { $count } токен
}
api-token-prefix = Токен
api-token-label = Белгі
api-token-label-hint = Токен қай жерде сақталады, мысалы «негізгі сервер»
api-token-days = Жарамдылық мерзімі (күн)
api-token-days-hint = 1-ден 366 күнге дейін
api-token-days-invalid = 1-ден 366-ға дейінгі күн санын енгізіңіз
api-token-expires = Жарамдылық мерзімі
api-token-last-used = Соңғы пайдаланылған уақыты
api-token-never-used = ешқашан
api-token-actions = Әрекеттер
api-token-revoke = Кері қайтару
api-token-issue = Токен беру
api-token-issued-heading = Токен берілді
api-token-once = Токенді қазір көшіріп алыңыз: ол тек бір рет көрсетіледі және қалпына келтірілмейді. Егер ол жоғалса, оны кері қайтарып, жаңасын беріңіз.
api-token-how = Оны әр сұраумен жіберіңіз:
flash-api-token-revoked = Токен кері қайтарылды; онымен жасалған сұраулар енді қабылданбайды.
audit-action-service_account-create = Сервистік есептік жазба құрылды
audit-action-api_token-issue = API токені берілді
audit-action-api_token-revoke = API токені кері қайтарылды
audit-entity-service-account = Сервистік есептік жазба

## wt-api-writes
audit-action-job-bulk = Жұмысқа орналастыру API-дің топтамалық сұрауымен жазылды

## Тізілімдермен салыстыру (15-тапсырма)
register-referrals = Жұмыспен қамту орталықтарының жолдамалары
register-employment-contracts = Еңбек шарттары (бірыңғай есепке алу жүйесі)
register-contributions = Зейнетақы жарналары (БЖЗҚ)
register-certificates = СТ-KZ шығу тегі сертификаттары
check-not-required = Қажет емес
check-not-checked = Әлі тексерілмеген
check-matched = Сәйкес
check-mismatched = Сәйкес емес
check-missing = Табылмады
reason-none = Себебі жоқ
mismatch-other-person = басқа адамға берілген
mismatch-other-region = басқа өңірде берілген
mismatch-used-twice = басқа жұмысқа қабылдауға пайдаланылған
mismatch-out-of-dates = жұмысқа қабылдау күні жарамсыз
mismatch-start-differs = тіркелген шарт жұмысқа қабылдау күнінен тым алыс басталады
mismatch-other-producer = басқа өндірушіге берілген
mismatch-not-valid-on-date = сатып алу күні жарамсыз
reason-verified-pending = Әзірге { $share } расталды; { $unchecked } жүктелген тізіліммен әлі салыстырылмаған, сондықтан күйі анықталмаған.
register-col-referral-number = Жолдама нөмірі
register-col-issued-on = Берілген күні (ЖЖЖЖ-АА-КК)
register-col-iin = Қызметкердің ЖСН-і (12 сан)
register-col-region = Жолдама берген орталықтың өңірі (ӘАОЖ коды, мысалы 27)
register-col-district = Жолдама берген орталықтың ауданы
register-col-valid-until = Жарамдылық мерзімі (ЖЖЖЖ-АА-КК)
register-col-employer-bin-known = Жұмыс берушінің БСН-і, белгілі болса (бос қалдыруға болады)
register-col-employer-bin = Жұмыс берушінің БСН-і
register-col-contract-number = Еңбек шартының нөмірі
register-col-start-date = Шарттың басталуы (ЖЖЖЖ-АА-КК)
register-col-end-date = Шарттың аяқталуы (ЖЖЖЖ-АА-КК, күшінде болса бос)
register-col-position = Лауазымы
register-col-month = Жарна төленген ай (ЖЖЖЖ-АА)
register-col-amount = Сомасы, теңге
register-col-certificate-number = Сертификат нөмірі
register-col-producer-bin = Өндірушінің БСН-і
register-col-product = Өнім
register-col-expires-on = Жарамдылық мерзімі (ЖЖЖЖ-АА-КК)
register-required = Мәнді толтырыңыз.
register-bad-date = Күнді ЖЖЖЖ-АА-КК түрінде енгізіңіз.
register-bad-month = Айды ЖЖЖЖ-АА түрінде енгізіңіз.
register-bad-iin = Бұл ЖСН дұрыс емес.
register-bad-bin = Бұл БСН дұрыс емес.
register-bad-amount = Нөлден үлкен бүтін теңге сомасын енгізіңіз.
register-end-before-start = Аяқталу күні басталу күнінен бұрын.
register-outside-period = Бұл жазба топтаманың кезеңінде ({ $from } — { $to }) күшінде емес.
register-other-region = Бұл жолдама топтаманың өңірінен ({ $region }) тыс берілген.
register-period-order = Кезеңнің бірінші айы соңғы айынан кейін.
register-region-required = Осы жолдамаларды берген орталықтардың өңірін таңдаңыз.
register-national-only = Бұл тізілім республикалық: өңірді бос қалдырыңыз.
register-source-required = Файлдың қайдан алынғанын көрсетіңіз.
register-overlaps = Бұл тізілімнің қолданыстағы топтамасы { $from } — { $to } кезеңін қамтиды: оны ауыстыру үшін дәл сол кезеңді жүктеңіз немесе онымен қиылыспайтын кезеңді таңдаңыз.
register-load-busy = Осы тізілімнің сол кезеңге арналған басқа жүктеуі дәл осы сәтте аяқталды. Топтамалар тізімін тексеріп, қажет болса қайталаңыз.
register-more-problems = Тізімде көрсетілмеген тағы { $count } қате бар.
register-kind-required = Тізілімді таңдаңыз.
register-period-required = Кезеңнің бірінші және соңғы айын көрсетіңіз.
register-not-a-column = Бұл тізілімде мұндай баған жоқ: оны алып тастаңыз.
hire-referral-not-found = { $number } жолдамасы осы өңірдің жұмыспен қамту орталықтары тізілімінде жоқ. Мұнда расталған жолдама қажет: нөмірді тексеріңіз немесе орталыққа хабарласыңыз.
hire-referral-other-person = { $number } жолдамасы басқа адамға берілген. Мұнда расталған жолдама қажет: нөмір мен ЖСН-ді тексеріңіз.
hire-referral-other-region = { $number } жолдамасы басқа өңірде берілген. Мұнда расталған жолдама қажет.
hire-referral-used-twice = { $number } жолдамасы басқа жұмысқа қабылдауға пайдаланылған. Мұнда расталған жолдама қажет: әр жолдама бір рет есептеледі.
hire-referral-out-of-dates = { $number } жолдамасы жұмысқа қабылдау күні жарамсыз. Мұнда расталған жолдама қажет: қабылдау күнін тексеріңіз немесе жаңа жолдама алыңыз.
registers-heading = Тізілімдер
registers-lead = Деректер сақталатын тізілімдердің файлдары: жолдамалар, еңбек шарттары, зейнетақы жарналары және шығу тегі сертификаттары. Жұмысқа қабылдау мен сатып алулар солармен салыстырылады.
registers-load-heading = Топтаманы жүктеу
registers-kind = Тізілім
registers-region = Өңір
registers-region-hint = Тек жолдамалар үшін: оларды берген орталықтардың өңірі.
registers-period-from = Бірінші ай
registers-period-hint = Топтамада осы айларда күшінде болған барлық жазба бар; сол айларға арналған жаңа топтама бұрынғысын ауыстырады.
registers-period-to = Соңғы ай
registers-source = Дереккөз
registers-source-hint = Файлдың қайдан алынғаны, мысалы онымен келген хат немесе үзінді.
registers-load = Топтаманы жүктеу
registers-formats = Файл пішімдері
registers-batches = Жүктелген топтамалар
registers-batch-count = { $count ->
    [one] Соңғы { $count } топтама
   *[other] Соңғы { $count } топтама
}
registers-period = Кезең
registers-rows = Жолдар
registers-loaded-by = Жүктеген
registers-status = Күйі
registers-national = Бүкіл ел
registers-superseded = Ауыстырылған
registers-live = Қолданыста
registers-mandatory-heading = Жолдаманы міндетті тексеру
registers-mandatory-lead = Өңірдің жолдамалар тізілімі жүктелгеннен кейін әкімші орталықтар арқылы жаңа қабылдаулар үшін расталған жолдаманы талап ете алады. Күнін ешбір топтама қамтымайтын қабылдаулар бұрынғыдай қабылданады.
registers-mandatory-now = Талап етілетін өңірлер:
registers-mandatory = Расталған жолдаманы талап ету
registers-mandatory-yes = Иә, талап ету
registers-mandatory-no = Жоқ
registers-mandatory-save = Баптауды сақтау
flash-register-loaded = { $count ->
    [one] Топтама жүктелді: { $count } жол.
   *[other] Топтама жүктелді: { $count } жол.
}
flash-register-setting-saved = Баптау сақталды.
flash-register-setting-not-loaded = Бұл өңір үшін жолдамалар тізілімі әлі жүктелмеген.
verification-heading = Сәйкессіздіктер
verification-lead = Жүктелген тізілімдер растамайтын жұмысқа қабылдаулар мен сатып алулар. Әр тізімді сүзуге және жүктеп алуға болады.
verification-list = Тізім
verification-region = Өңір
verification-all-regions = Барлық өңірлер
verification-show = Көрсету
verification-count = { $count ->
    [one] { $count } жазба
   *[other] { $count } жазба
}
verification-export = CSV жүктеп алу
verification-state = Тексеру
verification-reason = Себебі
verification-missing-months = Жарнасыз айлар
discrepancy-referrals = Расталған жолдамасыз орталықтар арқылы қабылдаулар
discrepancy-used-twice = Екі рет пайдаланылған жолдамалар
discrepancy-contracts = Тіркелген еңбек шартынсыз қабылдаулар
discrepancy-contributions = Зейнетақы жарнасыз жұмыс істелген айлар
discrepancy-certificates = Табылмаған немесе жарамсыз сертификаттар
discrepancy-referrals-todo = Жолдаманың нөмірі мен күнін қағаз жолдамамен салыстырыңыз; қабылдауды түзетіңіз немесе орталықтан жолдаманы тіркеуді сұраңыз.
discrepancy-used-twice-todo = Әр жолдама бір қабылдауға есептеледі. Кейінгі қабылдаудың жолдама нөмірін түзетіңіз немесе оны тікелей қабылдау ретінде ресімдеңіз.
discrepancy-contracts-todo = Еңбек шартын бірыңғай жүйеде тіркеңіз немесе қабылдау күні өзгеше болса, оны түзетіңіз.
discrepancy-contributions-todo = Көрсетілген айлар үшін төленбеген зейнетақы жарналарын төлеңіз немесе жұмыстың аяқталған күнін көрсетіңіз.
discrepancy-certificates-todo = Сатып алу жолындағы сертификат нөмірі мен өндірушінің БСН-ін тексеріңіз; жеткізушіден сатып алу күні жарамды сертификатты сұраңыз.
verified-heading = Тізілімдермен расталған
verified-center-share = Расталған жолдамасы бар қабылдаулар
verified-domestic-share = Сертификаттармен расталған отандық үлес
verified-state = Расталған күйі
verified-unchecked-hires = { $count ->
    [one] Орталықтар арқылы { $count } қабылдау әлі тексерілмеген
   *[other] Орталықтар арқылы { $count } қабылдау әлі тексерілмеген
}
verified-unchecked-tenge = { $count } ₸ отандық тауар әлі тексерілмеген
audit-action-register-load = Тізілім топтамасы жүктелді
audit-action-register-settings = Салыстыру баптауы өзгертілді
audit-action-verification-view = Сәйкессіздіктер тізімі қаралды
audit-entity-register-batch = Тізілім топтамасы
audit-entity-region = Өңір

## Сәйкессіздіктер тізімдері: әр жазбаның тізілімдегі дәлелі және мердігердің келесі қадамы.
verification-evidence = Тізілімдерде
verification-next-step = Не істеу керек
evidence-referral = { $number } жолдамасы: ЖСН { $iin }, { $region }, { $district }, берілген күні { $issued }, { $until } дейін жарамды
evidence-referral-none = Жүктелген тізілімдерде { $number } жолдамасы жоқ
evidence-other-use = Сондай-ақ ЖСН { $iin } қабылдауында { $date } көрсетілген (шарт { $contract }, { $region })
evidence-contract = Тіркелген { $number } шарты, { $start } бастап ({ $position })
evidence-contract-ended = Тіркелген { $number } шарты, { $start } бастап { $end } дейін ({ $position })
evidence-contract-none = Бұл қызметкердің БСН { $bin } жұмыс берушімен еңбек шарты тіркелмеген
evidence-months = БСН { $bin } жарналары мына айларға төленген: { $months }
evidence-months-none = Жүктелген тізілімдерде БСН { $bin } жарналары жоқ
evidence-certificate = { $number } сертификаты: өндірушінің БСН { $producer }, { $product }, берілген күні { $issued }, { $expires } дейін жарамды
evidence-certificate-none = Жүктелген тізілімдерде { $number } сертификаты жоқ
todo-referral-missing = Жұмыспен қамту орталығынан жолдаманың нөмірі мен күнін растауды сұраңыз; қате енгізілсе, қабылдауды түзетіңіз.
todo-referral-other-person = Жолдама басқа адамға берілген: қызметкердің ЖСН мен нөмірді қағаз жолдамамен салыстырып, қабылдауды түзетіңіз.
todo-referral-other-region = Жолдама басқа өңірде берілген: қызметкерден осы өңір орталығының жолдамасын сұраңыз немесе қабылдауды тікелей ретінде ресімдеңіз.
todo-referral-dates = Қабылдау күні жолдаманың мерзімінен тыс: қабылдау күнін түзетіңіз немесе орталықтан осы күнге жарамды жолдама сұраңыз.
todo-used-twice = Бұл жолдама басқа қабылдауда пайдаланылған: жолдама нөмірін түзетіңіз немесе қабылдауды тікелей ретінде ресімдеңіз.
todo-contract-missing = Бұл қызметкердің еңбек шартын еңбек шарттарын есепке алудың бірыңғай жүйесінде (ЕШЕБЖ) тіркеңіз.
todo-contract-start = Тіркелген шарт басқа күні басталады: қабылдау күнін немесе жүйедегі шартты түзетіңіз.
todo-contributions = Көрсетілген айлар үшін зейнетақы жарналарын төлеңіз немесе жұмыстың аяқталған күнін көрсетіңіз.
todo-certificate-missing = Жеткізушіден СТ-KZ сертификатын сұрап, оның нөмірін сатып алу жолында түзетіңіз.
todo-certificate-producer = Сертификат басқа өндірушіге берілген: сатып алу жолындағы өндірушінің БСН тексеріңіз.
todo-certificate-expired = Сертификат сатып алу күні жарамсыз болған: жеткізушіден жарамды сертификат сұраңыз.
