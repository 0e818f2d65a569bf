// Every visible string, in English and Traditional Chinese (Taiwan). A test fails when a key is
// missing in one language (test/messages.test.ts).
export const messages = {
  en: {
    appName: "OpenTicket Check-in",
    signInTitle: "Sign in to scan",
    login: "Username or e-mail",
    password: "Password",
    signIn: "Sign in",
    signOut: "Sign out",
    signInFailed: "Wrong username or password.",
    chooseEvent: "Choose an event",
    noEvents: "No events to scan. An organizer can invite you to theirs.",
    door: "Door",
    doorPlaceholder: "e.g. North gate",
    startScanning: "Start scanning",
    changeEvent: "Change event",
    typeCode: "Type a ticket code",
    check: "Check",
    startCamera: "Scan with camera",
    stopCamera: "Stop camera",
    cameraFailed: "The camera could not start. Type the code instead.",
    ready: "Ready: scan a ticket",
    admitted: "Valid: let in",
    alreadyCheckedIn: "Already checked in",
    alreadyAt: "Checked in at {time}, {door}",
    alreadyAtUnknownDoor: "Checked in at {time}",
    cancelled: "Cancelled or refunded: do not let in",
    wrongEvent: "Ticket for another event",
    unknown: "Unknown code: not a ticket",
    tooMany: "Too many scans from this phone. Wait a moment.",
    network: "No connection to OpenTicket. Try again.",
    failed: "This scan failed. Try again.",
    seat: "Seat {seat} · {section} · {tier}",
    undo: "Undo check-in",
    undone: "Check-in undone: the ticket is valid again.",
    language: "中文",
    online: "Online",
    offlineMode: "Offline: this phone checks tickets and syncs later",
    pending: "{count} scans waiting to sync",
    synced: "{count} offline scans synced",
    syncNow: "Sync now",
    unsignedTickets: "{count} tickets have older codes that can be checked online only.",
    checkedOffline: "Checked on this phone, offline: syncs when back online",
    checkedOfflineOnly: "Checked on this phone, offline",
    notVerifiable: "Cannot check this code offline: check it again when back online",
    conflictsTitle: "Conflicts from offline scans",
    conflictFirst:
      "{seat}: this door let it in first; {door} also let it in at {otherTime}. Two people may have entered on one ticket.",
    conflictLater:
      "{seat}: already let in at {door} at {otherTime}, before this door's offline scan. Two people may have entered on one ticket.",
    conflictCancelled: "{seat}: let in offline, but the ticket was cancelled or refunded.",
    conflictUnknown: "A code let in offline is not a valid ticket of this event.",
    dismiss: "Dismiss",
    anotherDoor: "another door",
    syncSignIn: "Sign in again to sync the scans kept on this phone.",
    syncTooMany: "Too many syncs from this phone: it tries again in a moment.",
    syncFailed: "The scans could not be synced; they stay on this phone. Try again.",
  },
  "zh-TW": {
    appName: "OpenTicket 驗票",
    signInTitle: "登入以驗票",
    login: "使用者名稱或電子郵件",
    password: "密碼",
    signIn: "登入",
    signOut: "登出",
    signInFailed: "使用者名稱或密碼錯誤。",
    chooseEvent: "選擇活動",
    noEvents: "沒有可驗票的活動。主辦單位可邀請你為其活動驗票。",
    door: "入口",
    doorPlaceholder: "例如：北門",
    startScanning: "開始驗票",
    changeEvent: "更換活動",
    typeCode: "輸入票券代碼",
    check: "查驗",
    startCamera: "用相機掃描",
    stopCamera: "關閉相機",
    cameraFailed: "無法啟動相機，請改為輸入代碼。",
    ready: "準備就緒：請掃描票券",
    admitted: "有效：請入場",
    alreadyCheckedIn: "已入場",
    alreadyAt: "已於 {time} 從{door}入場",
    alreadyAtUnknownDoor: "已於 {time} 入場",
    cancelled: "已取消或退款：請勿放行",
    wrongEvent: "其他活動的票券",
    unknown: "無法辨識的代碼：不是票券",
    tooMany: "此手機掃描次數過多，請稍候。",
    network: "無法連線至 OpenTicket，請再試一次。",
    failed: "此次查驗失敗，請再試一次。",
    seat: "座位 {seat} · {section} · {tier}",
    undo: "撤銷入場",
    undone: "已撤銷入場：此票券恢復有效。",
    language: "English",
    online: "已連線",
    offlineMode: "離線中：由此手機查驗票券，稍後同步",
    pending: "{count} 筆掃描待同步",
    synced: "已同步 {count} 筆離線掃描",
    syncNow: "立即同步",
    unsignedTickets: "有 {count} 張票券使用舊代碼，只能連線查驗。",
    checkedOffline: "已在此手機離線查驗，恢復連線後同步",
    checkedOfflineOnly: "已在此手機離線查驗",
    notVerifiable: "此代碼無法離線查驗，請於恢復連線後再查驗",
    conflictsTitle: "離線掃描的衝突",
    conflictFirst: "{seat}：本入口先放行；{door} 亦於 {otherTime} 放行。可能有兩人以同一張票入場。",
    conflictLater:
      "{seat}：已於 {otherTime} 從{door}入場，早於本入口的離線掃描。可能有兩人以同一張票入場。",
    conflictCancelled: "{seat}：已離線放行，但此票券已取消或退款。",
    conflictUnknown: "一個離線放行的代碼不是本活動的有效票券。",
    dismiss: "關閉",
    anotherDoor: "另一個入口",
    syncSignIn: "請重新登入，以同步此手機保存的掃描紀錄。",
    syncTooMany: "此手機同步次數過多，稍後將自動重試。",
    syncFailed: "掃描紀錄未能同步，仍保存在此手機上，請再試一次。",
  },
} as const;

export type Locale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)["en"];

export function translator(locale: Locale) {
  return (key: MessageKey, values: Record<string, string> = {}) =>
    messages[locale][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in values ? (values[name] ?? placeholder) : placeholder,
    );
}

export type Translate = ReturnType<typeof translator>;

export function initialLocale(): Locale {
  const saved = localStorage.getItem("openticket.checkin.locale");
  if (saved === "en" || saved === "zh-TW") return saved;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh-TW" : "en";
}
