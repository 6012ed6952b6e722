// Passwords that attackers try first: the most common ones of the published leak lists, French
// words and West African names people use, written lower case without spaces, digits or symbols
// where those are only decoration (account.ts compares after stripping them). Kept short on
// purpose: the length rule does most of the work; this list catches the long-but-famous ones.
const WORDS = `
password passwords passw0rd motdepasse motdepasses monmotdepasse secret secrets azerty azertyuiop
qwerty qwertyuiop qwertz abc abcd abcdef abcdefg abcdefgh qsdfghjklm wxcvbn
iloveyou jetaime jetadore teamo ichliebedich tequiero amour monamour mamour bebe bebes monbebe
princess princesse prince princes dragon dragons monkey monkeys master masters shadow sunshine
football soccer baseball basketball hockey superman batman spiderman pokemon starwars
letmein welcome bienvenue bonjour bonsoir salut coucou hello hellokitty trustno trustnoone
administrator administrateur admin root toor user utilisateur guest invite login connexion
changeme changez nouveau nouveaumotdepasse default defaut test tests testing essai demo
jalon jalons motiontracker tracker fpmali planification planningfamilial familyplanning
mali bamako sikasso segou mopti kayes koulikoro tombouctou gao kidal senegal dakar abidjan
ouagadougou niamey conakry afrique africa bambara malien malienne maliba
soleil lune etoile etoiles fleur fleurs papillon chocolat chouchou doudou loulou nounours
cheval chien chat chaton lapin tigre lion panthere aigle
marseille paris lyon toulouse france francais liberte
moussa mamadou amadou ibrahim aminata fatoumata fatima mariam aissata oumou kadiatou
sekou boubacar bakary adama seydou modibo oumar issa hawa awa djeneba salif souleymane
maman papa mamanpapa famille mafamille enfant enfants
dieu allah bismillah inchallah alhamdulillah jesus jesuschrist christ amen
michael jennifer jordan michelle daniel thomas nicolas charlie jessica ashley andrew
killer hunter ranger buster tigger ginger pepper cookie summer winter autumn spring
freedom whatever nothing computer internet samsung iphone apple google facebook
orange moov malitel sotelma wifi
qazwsx qazwsxedc zaqxswcde asdfgh asdfghjkl zxcvbn zxcvbnm poiuytreza mnbvcxz
aaaaaa abcabc azeaze qweqwe
blink harley mustang corvette ferrari porsche mercedes toyota
matrix trinity phoenix nirvana metallica
passe pass passer passpass pwd mdp mdpmdp code codes codesecret secretcode
onetwothree unedeuxtrois zero un deux trois quatre cinq six sept huit neuf dix
one two three four five six seven eight nine ten
blessed blessing grace faith hope love lovely loveyou lovelove
sophie camille julie marie pierre jean paul louis lucas hugo emma lea chloe manon
samedi dimanche lundi mardi mercredi jeudi vendredi
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
correcthorsebatterystaple
`;

// Digit-only and symbol-only favourites, compared before the digits are stripped.
const NUMBERS = `
123456 1234567 12345678 123456789 1234567890 12345678910 0123456789 9876543210 987654321
111111 1111111 11111111 111111111111 000000 00000000 000000000000 121212 112233 123123 123321
654321 159753 147258369 147852369 789456123 123654789 741852963 963852741 112233445566
123123123123 123456123456 123412341234 696969 666666 777777 888888 999999 131313 101010
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
export const COMMON_NUMBERS: ReadonlySet<string> = new Set(NUMBERS.split(/\s+/).filter(Boolean));

/** Keyboard rows (French and English layouts) and sequences: runs along them are guessable. */
export const KEYBOARD_RUNS: readonly string[] = [
  "abcdefghijklmnopqrstuvwxyz",
  "01234567890",
  "qwertyuiop",
  "asdfghjkl",
  "zxcvbnm",
  "azertyuiop",
  "qsdfghjklm",
  "wxcvbn",
  "qaz",
  "wsx",
  "edc",
  "rfv",
  "tgb",
  "yhn",
  "ujm",
];
