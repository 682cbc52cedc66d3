app-name = jobmap
app-title = Карта мониторинга создания рабочих мест
app-subtitle = Дорожная карта занятости: инфраструктурные проекты, договоры и созданные рабочие места
skip-to-content = Перейти к основному содержанию
nav-home = Обзор
nav-main = Главное меню
nav-sign-in = Войти
language-label = Язык
language-switch = Сменить язык
footer-about = Показатели считаются по определениям Дорожной карты: созданные рабочие места — это приёмы на работу, записанные по договорам; доля центров занятости — приёмы через центры от всех приёмов.
footer-health = Состояние сервиса
flash-info = Информация
flash-success = Готово
flash-error = Нужно исправить

projects-count = { $count ->
    [one] { $count } проект
    [few] { $count } проекта
   *[many] { $count } проектов
}
jobs-count = { $count ->
    [one] { $count } рабочее место
    [few] { $count } рабочих места
   *[many] { $count } рабочих мест
}
regions-count = { $count ->
    [one] { $count } регион
    [few] { $count } региона
   *[many] { $count } регионов
}

home-heading = Регионы Казахстана в Дорожной карте
home-lead = Зарегистрированные проекты и созданные рабочие места по регионам по данным jobmap.
home-regions-caption = { $count ->
    [one] { $count } регион в действующем административном делении
    [few] { $count } региона в действующем административном делении
   *[many] { $count } регионов в действующем административном делении
}
col-kato = КАТО
col-region = Регион
col-projects = Проекты
col-jobs-created = Создано рабочих мест
col-active-since = Действует с
home-total = Казахстан
home-since-split = с { $date }

error-400-title = Запрос не удалось разобрать
error-400-body = В отправленных данных что-то искажено или отсутствует. Вернитесь, проверьте форму и отправьте ещё раз.
error-403-title = У вас нет доступа к этой странице
error-403-body = Ваша роль не позволяет выполнить это действие. Если считаете, что должна, обратитесь к администратору.
error-403-csrf = Форма устарела или отправлена не с этого сайта. Вернитесь, обновите страницу и отправьте форму снова.
error-404-title = Страница не найдена
error-404-body = Проверьте адрес. Если вы перешли по ссылке, запись могла быть удалена или относиться не к вашему региону.
error-405-title = Это действие здесь недоступно
error-405-body = Страница не принимает такой запрос. Вернитесь и воспользуйтесь кнопками на странице.
error-413-title = Отправленные данные слишком велики
error-413-body = Файл или форма превышают допустимый размер. Разделите файл на части и попробуйте снова.
error-415-title = Неподдерживаемый формат
error-415-body = Страница ожидала форму или файл другого типа. Вернитесь и воспользуйтесь формой на странице.
error-429-title = Слишком много запросов
error-429-body = Подождите минуту и попробуйте снова.
error-500-title = Извините, произошла ошибка
error-500-body = Введённые данные не сохранены частично: попробуйте ещё раз через минуту. Если ошибка повторяется, сообщите администратору номер ниже.
error-503-title = Сервис временно недоступен
error-503-body = Сейчас нет связи с базой данных. Попробуйте через несколько минут.
error-other-title = Запрос не выполнен
error-other-body = Вернитесь и попробуйте снова.
error-reference = Номер обращения
error-home-link = Перейти к обзору

region-kind-region = область
region-kind-city = город республиканского значения

nav-users = Пользователи
nav-sign-out = Выйти
nav-change-password = Сменить пароль
form-choose = Выберите…
flash-signed-out = Вы вышли из системы.
flash-password-changed = Пароль изменён. Другие сеансы вашей учётной записи завершены.
flash-user-activated = Учётная запись снова активна.
flash-user-deactivated = Учётная запись отключена, её сеансы завершены.
flash-cannot-deactivate-self = Нельзя отключить собственную учётную запись.

role-admin = Администратор
role-commission = Член комиссии
role-akimat = Сотрудник акимата
role-contractor = Подрядчик
role-unknown = Неизвестная роль

login-heading = Вход
login-login = Логин
login-password = Пароль
login-submit = Войти
login-help = Учётные записи выдаёт администратор. Если вы забыли пароль, попросите его сбросить.
login-invalid = Неверный логин или пароль.
login-locked = { $minutes ->
    [one] Слишком много неудачных попыток: учётная запись заблокирована. Повторите через { $minutes } минуту.
    [few] Слишком много неудачных попыток: учётная запись заблокирована. Повторите через { $minutes } минуты.
   *[many] Слишком много неудачных попыток: учётная запись заблокирована. Повторите через { $minutes } минут.
}

password-heading = Смена пароля
password-current = Текущий пароль
password-new = Новый пароль
password-confirm = Новый пароль ещё раз
password-rules = Не менее 8 символов. Несколько несвязанных слов — надёжный и запоминающийся пароль; распространённые пароли не принимаются.
password-submit = Сменить пароль
password-current-wrong = Текущий пароль указан неверно.
password-confirm-differs = Новые пароли не совпадают.
password-too-short = Пароль должен содержать не менее 8 символов.
password-too-long = Пароль должен содержать не более 128 символов.
password-too-common = Этот пароль слишком распространён или легко угадывается. Выберите более длинный, например из трёх-четырёх несвязанных слов.

users-heading = Пользователи
users-add = Добавить пользователя
users-create = Создать учётную запись
users-back = К списку пользователей
users-to-account = Перейти к учётной записи
users-count = { $count ->
    [one] { $count } учётная запись
    [few] { $count } учётные записи
   *[many] { $count } учётных записей
}
user-login = Логин
user-login-hint = От 3 до 64 символов: латинские буквы, цифры, точка, подчёркивание или дефис.
user-full-name = ФИО
user-role = Роль
user-region = Регион
user-region-hint = Только для сотрудников акимата: регион, проектами которого они занимаются.
user-bin = БИН подрядчика
user-bin-hint = Только для подрядчиков: 12-значный БИН их организации.
user-scope = Область доступа
user-scope-national = все регионы
user-scope-region = регион
user-scope-bin = БИН
user-status = Состояние
user-active = активна
user-inactive = отключена
user-created-at = Создана
user-history = История
user-deactivate = Отключить учётную запись
user-activate = Включить учётную запись
user-reset-password = Сбросить пароль
user-created-heading = Учётная запись создана
user-reset-heading = Пароль сброшен
user-password-once = Передайте этот пароль пользователю лично. Он показывается один раз; после входа его следует сменить.
user-login-invalid = Введите логин от 3 до 64 символов: латинские буквы, цифры, точка, подчёркивание или дефис.
user-login-taken = Такой логин уже занят.
user-role-required = Выберите роль.
user-region-required = Выберите регион сотрудника акимата.
user-bin-invalid = Введите 12-значный БИН подрядчика; проверьте цифры — контрольная цифра не совпадает.
user-scope-mismatch = Регион указывается только для сотрудников акимата, БИН — только для подрядчиков: очистите лишнее поле.

audit-when = Когда (UTC)
audit-who = Кто
audit-action = Действие
audit-ip = Адрес

nav-projects = Проекты
nav-review = На рассмотрении
nav-plans = Помесячные планы
nav-audit = Журнал аудита

form-back = Назад
form-save = Сохранить
form-cancel = Отмена
money-hint = В целых тенге, например 250 000 000.
filter-all = Все
filter-apply = Применить фильтры
filter-clear = Сбросить фильтры
filter-show = Показать
filter-from = С
filter-to = По
pagination = Страницы
pagination-prev = Назад
pagination-next = Далее
pagination-of = Страница { $page } из { $pages }

field-required = Заполните поле.
field-choose = Выберите один из вариантов.
field-too-long = Не более { $max } символов.
field-whole-number = Введите целое число, без дробной части.
field-range = Введите число от { $min } до { $max }.
field-date = Введите дату в виде ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.

direction-social_cultural = Социально-культурные объекты
direction-housing_communal = Жилищно-коммунальное хозяйство
direction-engineering_transport = Инженерно-транспортная инфраструктура
direction-settlement_improvement = Благоустройство населённых пунктов
work-capital_repair = Капитальный ремонт
work-medium_repair = Средний ремонт
work-current_repair = Текущий ремонт
work-reconstruction = Реконструкция
work-construction = Строительство
funding-republican_budget = Республиканский бюджет
funding-local_bonds = Облигации местных исполнительных органов
funding-targeted_transfers = Целевые текущие трансферты
funding-local_budget = Местный бюджет

status-draft = Черновик
status-submitted = На рассмотрении
status-approved = Одобрен
status-rejected = Отклонён
status-tendering = Конкурс
status-contracted = Договор заключён
status-in_progress = Ведутся работы
status-completed = Завершён
status-suspended = Приостановлен
status-cancelled = Отменён
action-submit = Направить в комиссию
action-approve = Одобрить
action-reject = Отклонить
action-start_tendering = Начать конкурс
action-complete = Отметить завершение
action-suspend = Приостановить
action-resume = Возобновить
action-cancel = Отменить проект

projects-heading = Проекты
projects-back = К списку проектов
projects-search = Код или название
projects-none = Нет проектов, соответствующих фильтрам.
projects-found = { $count ->
    [one] { $count } проект
    [few] { $count } проекта
   *[many] { $count } проектов
}
project-new-heading = Новый проект
project-edit-heading = Редактирование проекта
project-edit = Изменить
project-code = Код
project-code-hint = Ваш регистрационный номер, например 27-2020-001: латинские буквы, цифры, - _ . /
project-title = Наименование
project-district = Район
project-settlement = Населённый пункт
project-location = Местоположение
project-latitude = Широта
project-longitude = Долгота
project-coordinates-hint = Необязательно. Десятичные градусы, например 51.2333 и 51.3667.
project-direction = Направление
project-work-type = Вид работ
project-funding = Источник финансирования
project-budget = Бюджет, ₸
project-planned-jobs = Плановые рабочие места
project-planned-center = План трудоустройства через центры занятости
project-planned-center-hint = Не менее половины плановых рабочих мест.
project-planned-permanent = Постоянные рабочие места после завершения
project-planned-start = Плановое начало
project-planned-end = Плановое окончание
project-period = Плановый период
project-status = Статус
project-code-format = Код: от 3 до 40 символов — латинские буквы, цифры и - _ . /
project-code-taken = Проект с таким кодом уже есть.
project-center-below-half = Не менее половины плановых рабочих мест — через центры занятости: укажите не менее { $min } при { $jobs } плановых местах.
project-center-above-jobs = Трудоустройство через центры занятости не может превышать { $jobs } плановых мест.
project-end-before-start = Плановое окончание не может быть раньше начала.
project-coordinates-pair = Укажите и широту, и долготу, или оставьте оба поля пустыми.
project-coordinates-format = Укажите координаты в десятичных градусах, например 51.2333.
project-coordinates-outside = Эти координаты находятся не в Казахстане. Проверьте, не перепутаны ли широта и долгота.
project-stale = Кто-то сохранил этот проект после того, как вы открыли форму. Ваши изменения не сохранены.
project-stale-changed = Изменено с момента открытия формы
project-stale-advice = Введённые вами данные сохранены ниже. Сверьте их с текущими значениями и сохраните снова, чтобы оставить свои.
project-history-link = Полная история изменений
project-history-heading = История изменений
flash-project-created = Проект создан как черновик.
flash-project-saved = Проект сохранён.
flash-project-not-editable = Этот проект больше нельзя изменять: изменяются только черновики и отклонённые проекты.
flash-project-submitted = Проект направлен в комиссию.
flash-project-approved = Проект одобрен.
flash-project-rejected = Проект отклонён; сотрудник акимата может исправить его и направить снова.
flash-project-status-changed = Статус изменён.
flash-project-changed-meanwhile = Кто-то только что изменил этот проект. Ничего не изменено; проверьте проект и повторите.

decision = Решение комиссии
decision-number = Номер решения
decision-date = Дата решения
decision-limit = Одобренный лимит финансирования, ₸
decision-number-required = Укажите номер решения комиссии.
decision-date-future = Дата решения не может быть в будущем.
decision-limit-required = Укажите одобренный лимит целым числом тенге больше нуля.
status-change-heading = Изменить статус
status-history = История статусов
status-from = Из
status-to = В
status-comment = Комментарий
status-comment-required = Укажите причину: она сохраняется в истории проекта.

review-heading = Проекты на рассмотрении
review-lead = Поступившие проекты всех регионов, сначала ожидающие дольше всех.
review-waiting-since = Поступил
review-empty = Нет проектов, ожидающих рассмотрения.
review-count = { $count ->
    [one] { $count } проект ожидает
    [few] { $count } проекта ожидают
   *[many] { $count } проектов ожидают
}

plans-heading = Помесячные планы
plans-year = Год
plans-month = Месяц
plans-total = Итого по помесячным планам
plans-projects-total = { $count ->
    [one] Планы { $count } проекта, идущего в этом году
   *[other] Планы { $count } проектов, идущих в этом году
}
plans-choose-region = Выберите регион, чтобы увидеть его планы.
plans-stale = Кто-то изменил некоторые месяцы после того, как вы открыли страницу (выделены). Ничего не сохранено; проверьте и сохраните снова.
flash-plans-saved = Помесячные планы сохранены.
month-1 = Январь
month-2 = Февраль
month-3 = Март
month-4 = Апрель
month-5 = Май
month-6 = Июнь
month-7 = Июль
month-8 = Август
month-9 = Сентябрь
month-10 = Октябрь
month-11 = Ноябрь
month-12 = Декабрь

audit-heading = Журнал аудита
audit-entity = Тип записи
audit-record = Запись
audit-changes = Изменения
audit-none = Нет событий, соответствующих фильтрам.
import-heading = Импорт из CSV
import-lead = Загрузите сразу много проектов своего региона из CSV-файла (разделитель — запятая или точка с запятой, кодировка UTF-8). Импортируются либо все строки, либо ни одной: исправьте перечисленные строки и загрузите файл снова.
import-file = CSV-файл
import-file-hint = { $count ->
    [one] Не более 5 МБ и { $count } строки.
   *[other] Не более 5 МБ и { $count } строк.
}
import-submit = Проверить и импортировать
import-columns = Столбцы
import-template = Скачать шаблон (строка заголовков)
import-meaning = Значение и допустимые значения
import-refused = Ничего не импортировано
import-problem-count = { $count ->
    [one] { $count } ошибка для исправления:
    [few] { $count } ошибки для исправления:
   *[many] { $count } ошибок для исправления:
}
import-line = Строка
import-column = Столбец
import-problem = Ошибка
import-not-utf8 = Файл не в кодировке UTF-8 (возможно, Windows-1251). В Excel выберите «Сохранить как» → «CSV UTF-8 (разделитель — запятая)».
import-no-header = В первой строке должны быть названия столбцов.
import-missing-columns = В первой строке нет столбцов: { $columns }.
import-bad-line = Строку не удаётся прочитать как CSV (проверьте кавычки).
import-too-many-rows = В файле больше { $max } строк; разделите его на части.
import-wrong-field-count = В строке { $found } значений, а в заголовке { $expected } столбцов.
import-empty = В файле нет строк под заголовком.
import-code-repeated = Этот код уже использован в строке { $line } файла.
import-no-file = Выберите CSV-файл для загрузки.
import-too-large = Файл больше { $max_mb } МБ; разделите его на части.
import-code-taken-meanwhile = Пока файл проверялся, был сохранён другой проект с кодом { $code }. Ничего не импортировано; загрузите файл снова.
flash-import-done = { $count ->
    [one] Импортирован { $count } проект как черновик.
    [few] Импортировано { $count } проекта как черновики.
   *[many] Импортировано { $count } проектов как черновики.
}
user-locked-until = Заблокирована до
audit-action-user-bootstrap = Создан первый администратор
audit-action-user-create = Учётная запись создана
audit-action-user-activate = Учётная запись включена
audit-action-user-deactivate = Учётная запись отключена
audit-action-user-password_reset = Пароль сброшен администратором
audit-action-user-password_change = Пароль изменён
audit-action-auth-login = Вход
audit-action-auth-login_failed = Неудачный вход
audit-action-auth-lockout = Блокировка после неудачных входов
audit-action-auth-logout = Выход
audit-action-project-create = Проект создан
audit-action-project-update = Проект изменён
audit-action-project-status = Статус изменён
audit-action-project-import = Проект импортирован из CSV
audit-action-plan-update = Помесячный план изменён
decision-date-required = Укажите дату решения комиссии.

yes = Да
no = Нет
nav-contracts = Мои договоры
date-in-future = Дата не может быть в будущем.
field-money = Введите сумму в целых тенге, например 1 250 000.
bin-hint = 12 цифр.
bin-format = БИН состоит из 12 цифр.
bin-check-digit = Этот БИН недействителен: проверьте цифры — контрольная цифра не совпадает.
iin-format = ИИН состоит из 12 цифр.
iin-check-digit = Этот ИИН недействителен: проверьте цифры — контрольная цифра не совпадает.
iin-birth-date = Первые семь цифр этого ИИН не образуют действительную дату рождения.
category-goods = Товары
category-works = Работы
category-services = Услуги
kind-temporary = Временное (на период работ)
kind-permanent = Постоянное
channel-employment_center = По направлению центра занятости
channel-direct = Напрямую

contract = Договор
contracts-heading = Договоры
contracts-none = Договоров пока нет.
contract-new-heading = Внести договор
contract-save = Внести договор
contract-bin = БИН подрядчика
contract-name = Подрядчик
contract-number = Номер договора
contract-number-taken = Договор с таким номером по этому проекту уже внесён.
contract-signed-on = Дата подписания
contract-amount = Сумма договора, ₸
contract-declared = Заявленное местное содержание
contract-declared-hint = Стоимость товаров, работ и услуг по договору и отечественная доля каждого, в тенге. В сумме они должны составлять сумму договора и быть не менее чем на 90% отечественными.
contract-goods = Товары, ₸
contract-goods-domestic = в т. ч. отечественные, ₸
contract-works = Работы, ₸
contract-works-domestic = в т. ч. отечественные, ₸
contract-services = Услуги, ₸
contract-services-domestic = в т. ч. отечественные, ₸
contract-domestic-above-value = Отечественная часть не может превышать стоимость.
contract-parts-sum = Товары, работы и услуги в сумме дают { $sum } ₸, а сумма договора — { $amount } ₸.
contract-domestic-below = Заявленная отечественная доля — { $share }; требуется не менее 90%. Переведите { $shortfall } ₸ на отечественных поставщиков.
contract-hires = Трудоустройство
contract-center-hires = через центры занятости
contract-direct-hires = напрямую
contract-center-share = доля центров занятости (не менее 50%)
contract-all-hires = { $count ->
    [one] { $count } трудоустройство
    [few] { $count } трудоустройства
   *[many] { $count } трудоустройств
}
contract-local-content = Местное содержание
contract-combined = Товары, работы и услуги вместе
contract-declared-value = Заявлено, ₸
contract-declared-domestic = в т. ч. отечественное, ₸
contract-declared-share = Заявленная доля
contract-recorded-value = Учтено в реестре закупок, ₸
contract-recorded-share = Учтённая доля
flash-contract-created = Договор внесён.

ledger-heading = Реестр закупок
ledger-lead = Все закупки по договору, отечественные и нет. Неотечественные закупки не могут превышать 10% от большей из двух сумм: суммы договора или итога реестра.
ledger-add = Добавить закупку
ledger-category = Категория
ledger-description = Что закуплено
ledger-amount = Сумма, ₸
ledger-origin = Происхождение
ledger-domestic = Отечественное
ledger-foreign = Неотечественное
ledger-is-domestic = Произведено в Казахстане (отечественное)
ledger-producer-bin = БИН производителя
ledger-certificate = Номер сертификата СТ-KZ
ledger-certificate-hint = Обязателен для отечественных товаров.
ledger-certificate-required = Для отечественных товаров укажите номер сертификата о происхождении СТ-KZ.
ledger-empty = Закупок пока нет.
ledger-foreign-over = Эта неотечественная закупка довела бы неотечественные расходы до { $after } ₸ при пределе { $limit } ₸ (10%). Закупите у отечественного производителя или уменьшите сумму.
flash-ledger-line-added = Закупка внесена.

jobs-heading = Трудоустроенные
job-heading = Трудоустройство
hire-new-heading = Внести трудоустройство
hire-import-heading = Импорт трудоустройств из CSV
hire-save = Внести трудоустройство
hire-counts-now = Сейчас по договору: { $center } через центры занятости, { $direct } напрямую.
hire-worker = Работник
hire-job = Рабочее место
hire-iin = ИИН
hire-iin-hint = 12 цифр; дата рождения и пол берутся из него.
hire-full-name = ФИО
hire-home-settlement = Населённый пункт проживания
hire-arrived = Прибыл из другого населённого пункта
hire-position = Должность
hire-date = Дата приёма
hire-wage = Заработная плата в месяц, ₸
hire-kind = Вид рабочего места
hire-channel = Способ трудоустройства
hire-referral-number = Номер направления
hire-referral-date = Дата направления
hire-referral-hint = Для трудоустройства через центр занятости.
hire-birth-date = Дата рождения
hire-youth = Молодёжь (15–28 лет на дату приёма)
hire-referral-required = Укажите номер направления центра занятости.
hire-referral-date-required = Укажите дату направления центра занятости.
hire-referral-after-hire = Направление не может быть датировано позже приёма.
hire-before-contract = Дата приёма не может быть раньше подписания договора ({ $signed }).
hire-too-many-direct = Не внесено: после этого прямого приёма по договору прямых приёмов стало бы больше, чем через центры занятости (сейчас { $center } через центры занятости, { $direct } напрямую). Сначала трудоустройте человека через центр занятости по направлению — тогда этого работника можно будет принять напрямую.
hire-active-elsewhere = Не внесено: у этого работника уже есть действующее рабочее место по Дорожной карте на проекте { $code }. Сначала отметьте окончание той работы.
hire-worker-busy = Этого работника в тот же момент вносил кто-то другой. Проверьте список и повторите.
hire-import-lead = Загрузите много трудоустройств по этому договору из CSV-файла. Строки применяются по порядку по тем же правилам, что и форма; вносятся либо все строки, либо ни одной.
hire-import-file-hint = { $count ->
    [one] Не более 30 МБ и { $count } строки.
   *[other] Не более 30 МБ и { $count } строк.
}
hire-import-columns = Даты — 2020-06-01 или 01.06.2020; kind: temporary или permanent; channel: employment_center или direct; arrived_from_other_settlement: true или false. end_date: дата окончания работы или пусто, если работа продолжается.
flash-hire-recorded = Трудоустройство внесено.
flash-hires-imported = { $count ->
    [one] Импортировано { $count } трудоустройство.
    [few] Импортировано { $count } трудоустройства.
   *[many] Импортировано { $count } трудоустройств.
}
job-active = Работает
job-end-date = Дата окончания
job-end-heading = Окончание работы
job-end = Отметить окончание
job-end-before-hire = Дата окончания не может быть раньше даты приёма.
job-already-ended = Эта работа уже окончена.
job-correct-heading = Исправить сведения
job-correct = Сохранить исправление
flash-job-ended = Окончание работы отмечено.
flash-job-corrected = Сведения исправлены.
flash-job-changed-meanwhile = Кто-то только что изменил эти сведения. Ничего не сохранено; проверьте и повторите.

lifting-heading = Подъёмные
lifting-due = Причитается (2 МЗП на дату приёма)
lifting-paid = Выплачено
lifting-paid-on = Дата выплаты
lifting-record = Отметить выплату
lifting-not-eligible = Не положены: подъёмные выплачиваются трудоустроенным через центры занятости, прибывшим из другого населённого пункта.
lifting-date-invalid = Укажите дату выплаты: не раньше приёма и не в будущем.
lifting-project-totals = выплачено { $paid } из { $eligible }
flash-lifting-paid = Выплата подъёмных отмечена.
flash-lifting-already-paid = Выплата подъёмных по этому рабочему месту уже отмечена.
flash-lifting-not-eligible = По этому рабочему месту подъёмные не положены.

audit-action-contract-create = Договор внесён
audit-action-ledger-add = Закупка внесена
audit-action-job-create = Трудоустройство внесено
audit-action-job-import = Трудоустройство импортировано из CSV
audit-action-job-end = Работа окончена
audit-action-job-correct = Сведения о трудоустройстве исправлены
audit-action-lifting-pay = Выплата подъёмных отмечена

nav-map = Карта
nav-dashboard = Показатели
nav-compliance = Соблюдение условий
dashboard-lead = Проекты и рабочие места каждого региона, по доле уже созданных плановых рабочих мест. Выберите дату, чтобы увидеть показатели на тот день.
dashboard-as-of = Показатели на
fig-rank = Место
fig-projects-selected = Отобрано проектов
fig-projects-approved = Одобрено
fig-projects-started = Начато
fig-projects-completed = Завершено
fig-planned-jobs = Плановые рабочие места
fig-jobs-created = Создано рабочих мест
fig-plan-share = % плана
fig-center-hires = Через центры занятости
fig-center-share = Доля центров занятости
fig-youth-share = Доля молодёжи
fig-permanent = Постоянные места (создано / план)
fig-lifting = Подъёмные
fig-domestic-share = Отечественная доля
chart-plan-vs-actual = Создано рабочих мест по месяцам против помесячного плана
chart-created = Создано
chart-planned = План
region-rank = { $rank }-е место из { $of } регионов по % плана
region-by-direction = По направлениям
region-rank-history = Место по месяцам
region-projects = Проекты
compliance = Условия
compliance-ok = Оба условия соблюдены
compliance-breach = Условие нарушено
map-heading = Карта создания рабочих мест
map-no-hires = Пока нет трудоустройств и договоров
compliance-heading = Соблюдение условий программы
compliance-lead = Договоры ниже или в пределах 5 пунктов от доли 50% центров занятости и от 90% отечественной доли, проекты, отстающие от графика более чем на 20 пунктов плана, и регионы, отстающие от помесячных планов. Сначала худшие.
compliance-center-heading = Доля трудоустроенных через центры занятости
compliance-domestic-heading = Отечественная доля учтённых закупок
compliance-lagging-heading = Проекты, отстающие от плана
compliance-regions-heading = Регионы, отстающие от помесячных планов
compliance-none = Нарушений нет.
compliance-expected = Ожидалось на дату
compliance-monthly-planned = Помесячные планы на дату
compliance-shortfall = Отставание
export-permanent-planned = Постоянные места по плану
export-permanent-created = Создано постоянных мест
export-lifting-tenge = Выплачено подъёмных, ₸
map-no-plan = Нет одобренного плана
map-region = Проекты региона
map-all-regions = Вся страна: только проекты с нарушениями
map-points-summary = Показано проектов: { $shown } из { $total }. Выберите регион, чтобы увидеть все его проекты.

## Compliance states (issue 11)
state-met = Выполнено
state-at-risk = Под угрозой
state-breached = Нарушено
state-no-data = Данных пока нет
state-legend-summary = Что означают состояния
state-met-means = Условие выполняется с запасом: не менее 55% работников наняты через центры занятости, или отечественное содержание не ниже 95% и по заявленным, и по учтённым закупкам.
state-at-risk-means = Условие выполняется, но не более чем на 5 пунктов выше порога, или учтённые закупки пока ниже 90% отечественных, хотя остаток договора ещё может довести долю до 90%. В строке сказано, что нужно сделать.
state-breached-means = Условие нарушено по данным на сейчас, например после исправления или для данных, загруженных до введения правила. В строке сказано, что восстановит его.
state-no-data-means = Пока нечего оценивать: нет наймов или нет заявленных и учтённых закупок.
condition-center = Наём через центры занятости (не менее 50%)
condition-domestic = Отечественное содержание (не менее 90%)
reason-center-no-hires = Наймов пока нет.
reason-center-breached = Через центры занятости { $share } наймов: { $needed ->
    [one] нужен ещё { $needed } наём через центр занятости, чтобы восстановить 50%.
    [few] нужно ещё { $needed } найма через центр занятости, чтобы восстановить 50%.
   *[other] нужно ещё { $needed } наймов через центр занятости, чтобы восстановить 50%.
}
reason-center-at-risk = Через центры занятости { $share } наймов. { $direct ->
    [0] Следующий наём должен быть через центр занятости.
    [one] Допустим ещё только { $direct } прямой наём; после этого каждый второй наём — через центр занятости.
    [few] Допустимо ещё только { $direct } прямых найма; после этого каждый второй наём — через центр занятости.
   *[other] Допустимо ещё только { $direct } прямых наймов; после этого каждый второй наём — через центр занятости.
}
reason-center-met = Через центры занятости { $share } наймов; допустимо ещё прямых наймов: { $direct }.
reason-domestic-no-data = Заявленных и учтённых закупок пока нет.
reason-declared-breached = Заявленная отечественная доля { $share } — ниже 90%.
reason-ledger-breached = Учтённая отечественная доля { $share }: импортные закупки превышают предел 10% на { $excess } ₸.
reason-ledger-recoverable = Учтённая отечественная доля { $share }. Из оставшихся { $remaining } ₸ не менее { $needed } ₸ должны быть отечественными.
reason-declared-near = Заявленная отечественная доля { $share } — не более 5 пунктов выше 90%.
reason-ledger-near = Учтённая отечественная доля { $share }; импортных закупок можно добавить ещё только на { $foreign } ₸.
reason-domestic-met = Отечественная доля { $share }; импортных закупок можно добавить ещё на { $foreign } ₸.
compliance-summary-heading = Сводка по регионам
compliance-summary-caption = Договоры по состоянию каждого условия на { $date }; под каждым числом — проекты в этом состоянии (проект получает худшее состояние своих договоров).
compliance-summary-hint = Нажмите на число, чтобы увидеть эти договоры.
compliance-projects-count = { $count ->
    [one] { $count } проект
    [few] { $count } проекта
   *[other] { $count } проектов
}
compliance-contracts-heading = Договоры
compliance-condition = Условие
compliance-both-conditions = Оба условия
compliance-state = Состояние
compliance-needs-attention = Нарушено или под угрозой
compliance-needed = Что нужно
compliance-download = Скачать весь список
compliance-contracts-found = { $count ->
    [one] { $count } договор
    [few] { $count } договора
   *[other] { $count } договоров
}
compliance-lagging-count = { $count ->
    [one] { $count } проект отстаёт от графика более чем на 20 пунктов плана; показаны отстающие сильнее всего.
    [few] { $count } проекта отстают от графика более чем на 20 пунктов плана; показаны отстающие сильнее всего.
   *[other] { $count } проектов отстают от графика более чем на 20 пунктов плана; показаны отстающие сильнее всего.
}
region-no-plan = Без места в рейтинге: на этот период у региона нет плановых рабочих мест
region-contracts-flagged = Требуют внимания: { $flagged } из { $contracts } договоров
project-progress-heading = Ход реализации
progress-created-of-planned = { $created } из { $planned }
progress-permanent = Постоянные рабочие места
chart-project-progress = Созданные рабочие места нарастающим итогом против графика плана
chart-created-so-far = Создано на дату
chart-expected-so-far = Ожидается по плану
contract-compliance-heading = Соблюдение условий
## wt-c: writes in one place
decision-limit-above-budget = Одобренный лимит не может превышать бюджет проекта { $budget } ₸.
decision-date-before-submission = Решение не может быть датировано раньше подачи проекта в комиссию ({ $submitted }).
status-note-contract = Зарегистрирован договор.
status-note-first-hire = Зарегистрирован первый найм.
## wt-a: hires, corrections, the import oracle, the minimum wage
hire-active-out-of-scope = Не внесено: у этого работника уже есть рабочее место по Дорожной карте в другом месте. Решить вопрос могут сотрудники акимата региона этого проекта вместе с регионом, где записана та работа.
hire-probe-limit = Не проверено: за последний час вам { $limit } раз отказали по работникам, чьи рабочие места по Дорожной карте вам не видны. Чтобы защитить персональные данные, внесение и импорт работников для вас приостановлены на срок до часа. Решить вопрос могут сотрудники акимата региона этого проекта.
hire-wage-below-minimum = Месячная заработная плата при полной занятости не может быть ниже минимальной заработной платы, действующей на дату приёма ({ $min } ₸).
job-correction-lifting-paid = По этому рабочему месту выплачены подъёмные: канал найма, прибытие из другого населённого пункта и дата приёма, на которые они начислены, больше не меняются.
## wt-d: dashboard, map and audit log in words
dashboard-no-rank = — Без места: у региона нет одобренного плана на эту дату, поэтому нет % плана, по которому его можно было бы ранжировать.
dashboard-more-figures = Другие показатели: проекты по этапам, молодёжь, постоянные места, подъёмные, отечественная доля
dashboard-projects-caption = Проекты по этапам
dashboard-hires-caption = Трудоустройства, подъёмные и местное содержание
map-state-at-risk = Под угрозой
map-state-breached = Нарушено
map-state-no-data = Данных пока нет
map-region-value = { $name }: { $value } плана
map-legend-shading = Регионы: % плана
map-legend-points = Проекты
map-table-caption = Регионы по % плана
map-zoom = Показать на карте
map-whole-country = Вся страна
map-region-page = Страница региона
map-scroll-hint = Проведите пальцем в сторону, чтобы увидеть всю карту →
audit-entity-user = Учётная запись
audit-entity-project = Проект
audit-entity-monthly-plan = Помесячный план
audit-entity-contract = Договор
audit-entity-job = Трудоустройство
audit-entity-dataset = Сгенерированные данные
audit-actor-cli = (командная строка)
audit-actor-anonymous = (без входа)
audit-action-data-generate = Данные сгенерированы
audit-field-lifting-amount = Подъёмные, ₸
audit-field-plan-jobs = Плановые рабочие места за месяц
audit-field-plan-center = Плановые трудоустройства через центры занятости за месяц
audit-field-direct-hires = Наняты напрямую
audit-field-comment = Комментарий
audit-field-seed = Начальное значение генератора
audit-field-projects = Проекты
audit-field-contracts = Договоры
audit-field-jobs = Трудоустройства
audit-field-replaced = Прежние данные заменены
dashboard-compliance = Проекты, требующие внимания
dashboard-flagged = нарушено: { $breached }, под угрозой: { $risk }
## wt-b: uploads, sign-in and password guarding
error-503-uploads-busy = Сейчас загружается несколько файлов. Подождите полминуты и отправьте файл снова.
audit-action-user-password_change_failed = Неверный текущий пароль при смене пароля

## wt-f: exports that re-import
contract-import-heading = Импорт договоров из CSV
contract-import-back = ← Договоры
contract-import-lead = Внесите сразу много договоров вашего региона, каждый — на проект, код которого указан в project_code (одобренные или идущие проекты вашего региона). Записываются либо все строки, либо ни одной: исправьте перечисленные строки и загрузите файл снова. Выгрузка договоров региона имеет ровно эти столбцы.
contract-export-region = Договоры вашего региона в этом формате
contract-import-no-project = В вашем регионе нет проекта с таким кодом.
contract-import-not-accepting = Этот проект сейчас не принимает договоры: он должен быть одобрен и ещё не завершён.
flash-contracts-imported = { $count ->
    [one] Записан { $count } договор.
    [few] Записано { $count } договора.
   *[other] Записано { $count } договоров.
}

## wt-e: operations (the last consistency check)
ops-heading = Проверка данных
ops-last-check = Последняя проверка согласованности
ops-checked-at = Время проверки
ops-check-kind = Запуск
ops-kind-check = проверка (jobmap check)
ops-kind-repair = восстановление (jobmap repair)
ops-check-result = Результат
ops-check-passed = Пройдена: все хранимые показатели и счётчики совпадают с пересчётом, все правила соблюдены
ops-check-differences = { $count ->
    [one] найдено { $count } расхождение
    [few] найдено { $count } расхождения
   *[many] найдено { $count } расхождений
}
ops-check-duration = Длительность
ops-never-checked = Проверка этой базы данных ещё не запускалась.
ops-how-to-check = Оператор запускает проверку на сервере командой `jobmap check`, а пересчитывает хранимые показатели по записям командой `jobmap repair`.

## issue 13: procurement and plan files
ledger-import-heading = Импорт строк закупок
ledger-import-lead = Каждая строка файла добавляется в реестр закупок этого договора в порядке файла и проверяется так же, как при вводе в форме: иностранная закупка не может поднять иностранные расходы выше 10%. Ничего не записывается, пока все строки не верны.
ledger-import-back = Назад к закупкам договора
ledger-import-link = Импортировать строки из файла
ledger-export = Этот реестр файлом (для повторного импорта)
ledger-import-domestic = true — отечественная закупка, false — нет
flash-ledger-imported = { $count ->
    [one] Записана { $count } строка закупок.
    [few] Записано { $count } строки закупок.
   *[other] Записано { $count } строк закупок.
}
plan-import-heading = Импорт помесячных планов
plan-import-lead = Каждая строка задаёт один месяц плана вашего региона: месяц в виде 2024-07, плановые рабочие места и плановые трудоустройства через центры занятости (не меньше половины). Месяцы, которых нет в файле, не меняются. Ничего не сохраняется, пока все строки не верны.
plan-import-back = Назад к помесячным планам
plan-import-link = Импортировать планы из файла
plan-export = Все месяцы планов этого региона файлом (для повторного импорта)
plan-import-month-column = Месяц в виде 2024-07
plan-import-month = Укажите месяц в виде 2024-07.
plan-import-month-twice = Этот месяц уже указан в строке { $line }.
plan-import-stale = Пока файл импортировался, кто-то сохранил планы вашего региона. Ничего не сохранено; отправьте файл ещё раз.
flash-plans-imported = { $count ->
    [one] Сохранён план на { $count } месяц.
    [few] Сохранены планы на { $count } месяца.
   *[other] Сохранены планы на { $count } месяцев.
}

## wt-api-core
audit-actor-service = (сервисная учётная запись)
api-problem-not-found = Не найдено
api-problem-forbidden = Недоступно для этой учётной записи
api-problem-unauthorized = Нужен действующий токен API
api-problem-bad-request = Неверный запрос
api-problem-invalid-query = Неверные параметры запроса
api-problem-malformed-json = Тело запроса — не корректный JSON
api-problem-invalid-body = Тело запроса не соответствует ожидаемым полям
api-problem-invalid-fields = Некоторые поля заполнены неверно
api-problem-rule-refused = Отклонено правилом программы
api-problem-body-too-large = Тело запроса слишком большое
api-problem-unsupported-media-type = Неподдерживаемый тип содержимого
api-problem-rate-limited = Слишком много запросов с этим токеном
api-problem-unavailable = Временно недоступно
api-problem-internal = Внутренняя ошибка
api-problem-method-not-allowed = Метод не разрешён
api-problem-not-acceptable = Запрошенный формат недоступен
api-problem-client-error = Запрос не может быть обработан
api-token-state-active = Действует
api-token-state-expired = Истёк
api-token-state-revoked = Отозван
footer-open-data = Открытые данные и API для интеграции
footer-open-data-csv = Проекты (CSV)
api-docs-heading = API для интеграции
api-docs-intro = Другие системы читают и записывают данные jobmap через /api/v1 с токеном сервисной учётной записи, который выдаёт администратор. Для открытых данных (проекты и показатели, без персональных данных) токен не нужен.
api-docs-openapi = Документ OpenAPI
api-docs-open-projects = Открытые данные: проекты (CSV)
api-docs-open-figures = Открытые данные: показатели (CSV)
api-docs-noscript = Интерактивному справочнику нужен JavaScript; документ OpenAPI выше описывает каждую операцию.
service-accounts-heading = Сервисные учётные записи (API)
service-accounts-intro = Другие системы работают с API интеграции по токену сервисной учётной записи. У сервисной учётной записи есть роль и область доступа, как у пользователя, но она никогда не входит на эти страницы.
service-accounts-add = Добавить сервисную учётную запись
service-accounts-create = Создать сервисную учётную запись
service-accounts-back = К сервисным учётным записям
service-accounts-to-account = К сервисной учётной записи
service-accounts-count = { $count ->
    [one] { $count } сервисная учётная запись
    [few] { $count } сервисные учётные записи
   *[many] { $count } сервисных учётных записей
}
service-account-name = Имя
service-account-name-hint = От 3 до 64 символов: латинские буквы, цифры, «.», «_» или «-», например hr-system.astana
service-account-name-invalid = Введите имя от 3 до 64 символов: латинские буквы, цифры, «.», «_» или «-»
service-account-name-taken = Сервисная учётная запись с таким именем уже есть
service-account-description = Описание
service-account-description-hint = Какая система её использует и к кому обращаться
api-tokens-heading = Токены
api-tokens-count = { $count ->
    [one] { $count } токен
    [few] { $count } токена
   *[many] { $count } токенов
}
api-token-prefix = Токен
api-token-label = Метка
api-token-label-hint = Где хранится токен, например «боевой сервер»
api-token-days = Срок действия (дней)
api-token-days-hint = От 1 до 366 дней
api-token-days-invalid = Введите число дней от 1 до 366
api-token-expires = Действует до
api-token-last-used = Последнее использование
api-token-never-used = ни разу
api-token-actions = Действия
api-token-revoke = Отозвать
api-token-issue = Выдать токен
api-token-issued-heading = Токен выдан
api-token-once = Скопируйте токен сейчас: он показывается только один раз и не может быть восстановлен. Если он потерян, отзовите его и выдайте новый.
api-token-how = Передавайте его с каждым запросом:
flash-api-token-revoked = Токен отозван; запросы с ним теперь отклоняются.
audit-action-service_account-create = Создана сервисная учётная запись
audit-action-api_token-issue = Выдан токен API
audit-action-api_token-revoke = Отозван токен API
audit-entity-service-account = Сервисная учётная запись

## wt-api-writes
audit-action-job-bulk = Трудоустройство записано пакетным запросом API

## Сверка с реестрами (задача 15)
register-referrals = Направления центров занятости
register-employment-contracts = Трудовые договоры (единая система учёта)
register-contributions = Пенсионные взносы (ЕНПФ)
register-certificates = Сертификаты происхождения СТ-KZ
check-not-required = Не требуется
check-not-checked = Ещё не проверено
check-matched = Совпадает
check-mismatched = Не совпадает
check-missing = Не найдено
reason-none = Без причины
mismatch-other-person = выдано другому человеку
mismatch-other-region = выдано в другом регионе
mismatch-used-twice = уже использовано для другого приёма
mismatch-out-of-dates = не действует на дату приёма
mismatch-start-differs = зарегистрированный договор начинается слишком далеко от даты приёма
mismatch-other-producer = выдан другому производителю
mismatch-not-valid-on-date = не действует на дату закупки
reason-verified-pending = Подтверждено пока { $share }; { $unchecked } ещё не сверено с загруженным реестром, поэтому состояние не определено.
register-col-referral-number = Номер направления
register-col-issued-on = Дата выдачи (ГГГГ-ММ-ДД)
register-col-iin = ИИН работника (12 цифр)
register-col-region = Регион центра занятости, выдавшего направление (код КАТО, например 27)
register-col-district = Район центра занятости
register-col-valid-until = Действует до (ГГГГ-ММ-ДД)
register-col-employer-bin-known = БИН работодателя, если известен (можно оставить пустым)
register-col-employer-bin = БИН работодателя
register-col-contract-number = Номер трудового договора
register-col-start-date = Начало договора (ГГГГ-ММ-ДД)
register-col-end-date = Окончание договора (ГГГГ-ММ-ДД, пусто, пока действует)
register-col-position = Должность
register-col-month = Месяц, за который уплачен взнос (ГГГГ-ММ)
register-col-amount = Сумма в тенге
register-col-certificate-number = Номер сертификата
register-col-producer-bin = БИН производителя
register-col-product = Продукция
register-col-expires-on = Срок действия (ГГГГ-ММ-ДД)
register-required = Заполните значение.
register-bad-date = Введите дату в виде ГГГГ-ММ-ДД.
register-bad-month = Введите месяц в виде ГГГГ-ММ.
register-bad-iin = Это неверный ИИН.
register-bad-bin = Это неверный БИН.
register-bad-amount = Введите целое число тенге больше нуля.
register-end-before-start = Дата окончания раньше даты начала.
register-outside-period = Запись не действует в период пакета ({ $from } — { $to }).
register-other-region = Направление выдано не в регионе { $region }, к которому относится пакет.
register-period-order = Первый месяц периода позже последнего.
register-region-required = Выберите регион, центры занятости которого выдали эти направления.
register-national-only = Этот реестр общереспубликанский: оставьте регион пустым.
register-source-required = Укажите, откуда получен файл.
register-overlaps = Действующий пакет этого реестра уже охватывает период { $from } — { $to }: загрузите ровно этот период, чтобы заменить его, или период, который с ним не пересекается.
register-load-busy = Другая загрузка этого реестра за тот же период завершилась в тот же момент. Проверьте список пакетов и при необходимости повторите.
register-more-problems = Ещё ошибок, не показанных в списке: { $count }.
register-kind-required = Выберите реестр.
register-period-required = Укажите первый и последний месяц периода.
register-not-a-column = В этом реестре нет такого столбца: уберите его.
hire-referral-not-found = Направления { $number } нет в реестре центров занятости этого региона. Здесь требуется подтверждённое направление: проверьте номер или обратитесь в центр занятости.
hire-referral-other-person = Направление { $number } выдано другому человеку. Здесь требуется подтверждённое направление: проверьте номер и ИИН.
hire-referral-other-region = Направление { $number } выдано в другом регионе. Здесь требуется подтверждённое направление.
hire-referral-used-twice = Направление { $number } уже использовано для другого приёма. Здесь требуется подтверждённое направление: каждое направление учитывается один раз.
hire-referral-out-of-dates = Направление { $number } не действует на дату приёма. Здесь требуется подтверждённое направление: проверьте дату приёма или получите новое направление.
registers-heading = Реестры
registers-lead = Файлы реестров, в которых хранятся факты: направления, трудовые договоры, пенсионные взносы и сертификаты происхождения. С ними сверяются приёмы на работу и закупки.
registers-load-heading = Загрузить пакет
registers-kind = Реестр
registers-region = Регион
registers-region-hint = Только для направлений: регион, центры занятости которого их выдали.
registers-period-from = Первый месяц
registers-period-hint = Пакет содержит все записи, действующие в эти месяцы; новый пакет за те же месяцы заменяет прежний.
registers-period-to = Последний месяц
registers-source = Источник
registers-source-hint = Откуда получен файл, например письмо или выгрузка, с которой он пришёл.
registers-load = Загрузить пакет
registers-formats = Форматы файлов
registers-batches = Загруженные пакеты
registers-batch-count = { $count ->
    [one] Последний { $count } пакет
    [few] Последние { $count } пакета
   *[many] Последние { $count } пакетов
}
registers-period = Период
registers-rows = Строк
registers-loaded-by = Загрузил
registers-status = Состояние
registers-national = Вся страна
registers-superseded = Заменён
registers-live = Действует
registers-mandatory-heading = Обязательная проверка направления
registers-mandatory-lead = Когда реестр направлений региона загружен, администратор может потребовать подтверждённое направление для новых приёмов через центры занятости. Приёмы, дату которых не охватывает ни один пакет, по-прежнему принимаются.
registers-mandatory-now = Требуется в регионах:
registers-mandatory = Требовать подтверждённое направление
registers-mandatory-yes = Да, требовать
registers-mandatory-no = Нет
registers-mandatory-save = Сохранить настройку
flash-register-loaded = { $count ->
    [one] Пакет загружен: { $count } строка.
    [few] Пакет загружен: { $count } строки.
   *[many] Пакет загружен: { $count } строк.
}
flash-register-setting-saved = Настройка сохранена.
flash-register-setting-not-loaded = Для этого региона реестр направлений ещё не загружен.
verification-heading = Расхождения
verification-lead = Приёмы на работу и закупки, которые загруженные реестры не подтверждают. Каждый список можно отфильтровать и скачать.
verification-list = Список
verification-region = Регион
verification-all-regions = Все регионы
verification-show = Показать
verification-count = { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[many] { $count } записей
}
verification-export = Скачать CSV
verification-state = Проверка
verification-reason = Причина
verification-missing-months = Месяцы без взносов
discrepancy-referrals = Приёмы через центры занятости без подтверждённого направления
discrepancy-used-twice = Направления, использованные дважды
discrepancy-contracts = Приёмы без зарегистрированного трудового договора
discrepancy-contributions = Отработанные месяцы без пенсионных взносов
discrepancy-certificates = Сертификаты не найдены или не действуют
discrepancy-referrals-todo = Сверьте номер и дату направления с бумажным направлением; исправьте приём или попросите центр занятости зарегистрировать направление.
discrepancy-used-twice-todo = Каждое направление учитывается для одного приёма. Исправьте номер направления у более позднего приёма или оформите его как прямой приём.
discrepancy-contracts-todo = Зарегистрируйте трудовой договор в единой системе учёта или исправьте дату приёма, если она отличается.
discrepancy-contributions-todo = Уплатите недостающие пенсионные взносы за указанные месяцы или укажите дату окончания работы.
discrepancy-certificates-todo = Проверьте номер сертификата и БИН производителя в строке закупок; запросите у поставщика сертификат, действующий на дату закупки.
verified-heading = Подтверждено реестрами
verified-center-share = Приёмы с подтверждённым направлением
verified-domestic-share = Отечественная доля, подтверждённая сертификатами
verified-state = Подтверждённое состояние
verified-unchecked-hires = { $count ->
    [one] { $count } приём через центр занятости ещё не проверен
    [few] { $count } приёма через центры занятости ещё не проверены
   *[many] { $count } приёмов через центры занятости ещё не проверены
}
verified-unchecked-tenge = { $count } ₸ отечественных товаров ещё не проверены
audit-action-register-load = Загружен пакет реестра
audit-action-register-settings = Изменена настройка сверки
audit-action-verification-view = Просмотрен список расхождений
audit-entity-register-batch = Пакет реестра
audit-entity-region = Регион

## Списки расхождений: записи реестров по каждой позиции и что делать подрядчику.
verification-evidence = В реестрах
verification-next-step = Что сделать
evidence-referral = Направление { $number }: ИИН { $iin }, { $region }, { $district }, выдано { $issued }, действует до { $until }
evidence-referral-none = Направления { $number } нет в загруженных реестрах
evidence-other-use = Также указано при приёме ИИН { $iin } от { $date } (договор { $contract }, { $region })
evidence-contract = Зарегистрированный договор { $number } с { $start } ({ $position })
evidence-contract-ended = Зарегистрированный договор { $number } с { $start } по { $end } ({ $position })
evidence-contract-none = Трудовой договор этого работника с работодателем БИН { $bin } не зарегистрирован
evidence-months = Взносы от БИН { $bin } уплачены за { $months }
evidence-months-none = Взносов от БИН { $bin } нет в загруженных реестрах
evidence-certificate = Сертификат { $number }: БИН производителя { $producer }, { $product }, выдан { $issued }, действует до { $expires }
evidence-certificate-none = Сертификата { $number } нет в загруженных реестрах
todo-referral-missing = Попросите центр занятости подтвердить номер и дату направления; если они введены с ошибкой, исправьте запись о приёме.
todo-referral-other-person = Направление выдано другому человеку: сверьте ИИН работника и номер с бумажным направлением и исправьте запись о приёме.
todo-referral-other-region = Направление выдано в другом регионе: попросите у работника направление центра занятости этого региона или оформите приём как прямой.
todo-referral-dates = Дата приёма вне срока направления: исправьте дату приёма или попросите в центре направление, действующее на эту дату.
todo-used-twice = Это направление уже использовано при другом приёме: исправьте номер направления или оформите приём как прямой.
todo-contract-missing = Зарегистрируйте трудовой договор этого работника в единой системе учёта трудовых договоров (ЕСУТД).
todo-contract-start = Зарегистрированный договор начинается в другой день: исправьте дату приёма или договор в системе.
todo-contributions = Уплатите пенсионные взносы за указанные месяцы или укажите дату окончания работы.
todo-certificate-missing = Запросите у поставщика сертификат СТ-KZ и исправьте его номер в строке учёта закупок.
todo-certificate-producer = Сертификат выдан другому производителю: проверьте БИН производителя в строке учёта закупок.
todo-certificate-expired = Сертификат не действовал на дату закупки: запросите у поставщика действующий.
