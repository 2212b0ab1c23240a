/** El texto del explorador y del widget en español, con las mismas claves que messages.en.ts. */
import type { UiMessages } from './messages';
import { optionsEs } from './options.es';
import { panelsEs } from './panels.es';

export const es: UiMessages = {
  ...panelsEs,
  ...optionsEs,
  appTitle: 'GP Sensitivity Explorer',
  tagline:
    'Arrastra un punto y mira cómo un proceso gaussiano vuelve a ajustar sus hiperparámetros. Cada flecha muestra hacia dónde los empuja ese punto, y con cuánta fuerza.',
  learnLink: 'Cómo funciona',
  languageLabel: 'Idioma',
  themeLabel: 'Tema',
  themeAuto: 'Automático',
  themeLight: 'Claro',
  themeDark: 'Oscuro',
  dismiss: 'Cerrar',
  fitAside: 'El ajuste',
  aboutTitle: '¿Qué estoy viendo?',
  aboutText:
    'Un proceso gaussiano con núcleo k(x, x′) = σf² ρ(|x − x′|; ℓ) + σn² δ se ajusta maximizando el objetivo de la regla elegida: la verosimilitud marginal de los puntos con ML-II, la regla por defecto (MAP añade una distribución a priori sobre θ; LOO-CV puntúa cada punto predicho a partir de los demás). Los valores ajustados θ̂ no son una función que puedas derivar a mano, pero la regla que los elige sí lo es: en el máximo el gradiente vale cero, y el teorema de la función implícita (TFI) convierte eso en la derivada de θ̂ respecto de cada punto. Las flechas dibujan esas derivadas. Cuando el máximo es plano, un punto de silla, está en un borde o casi empata con otro, la derivada no tiene sentido y la página lo dice.',
  linkProblemFallback: '{message} Se muestra en su lugar el conjunto de datos por defecto.',

  share: 'Compartir',
  shareLabel: 'Compartir: copiar un enlace a esta vista',
  shareCopied: 'Enlace copiado: recupera estos puntos y ajustes.',
  shareCopyThis: 'Copia este enlace: {url}',
  exportMenu: 'Exportar',
  exportPng: 'Gráfica como PNG',
  exportSvg: 'Gráfica como SVG',
  exportCsv: 'Datos como CSV',
  exportJson: 'Datos y ajuste como JSON',
  exportPython: 'Copiar como Python (scikit-learn)',
  pythonCopied: 'Código Python copiado.',
  clipboardUnavailable: 'El portapapeles no está disponible aquí.',
  present: 'Presentar',
  exitPresentation: 'Salir de la presentación',
  presentTitle: 'Modo presentación (P)',
  exitPresentationTitle: 'Salir del modo presentación (P o Esc)',

  toolbarLabel: 'Controles del explorador',
  dataLabel: 'Datos',
  datasetLabel: 'Conjunto de datos',
  yourPoints: 'Tus puntos',
  kernelLabel: 'Núcleo',
  arrowsLabel: 'Flechas',
  arrowsShow: 'Las flechas muestran la {name}',
  xAndY: 'x e y',
  showLabel: 'Mostrar',
  band: 'banda',
  landscape: 'paisaje',
  undo: 'Deshacer',
  undoTitle: 'Deshacer (Ctrl+Z)',
  redo: 'Rehacer',
  redoTitle: 'Rehacer (Ctrl+Mayús+Z)',
  reset: 'Restablecer',
  presetEdited: 'Has movido puntos desde que se cargó este conjunto de datos.',
  yourPointsNote:
    'Cada flecha muestra cómo tira su punto de θ̂; elige un conjunto de datos en el menú para ver un ejemplo guiado.',

  nameLengthscale: 'escala de longitud',
  nameSignalStd: 'desviación típica de la señal',
  nameNoiseStd: 'desviación típica del ruido',
  unitX: 'unidades de x',
  unitY: 'unidades de y',

  hint: 'Arrastra un punto · haz clic para añadir · doble clic o Supr para quitar · Tab y flechas para mover',
  statusPoints: '{count} puntos',
  statusCompute: 'cálculo',
  backendStarting: 'iniciando…',
  backendMainThread: 'hilo principal',
  computeNoteWebglNotRequested: 'WebGL no solicitado',
  computeNoteWebglUnavailable:
    'WebGL no está disponible en el hilo de cálculo (no hay OffscreenCanvas)',
  computeNoteWebglFailed: 'WebGL no arrancó ({detail})',
  computeNoteWebglRefused: 'WebGL no arrancó (tfjs no pudo inicializarlo)',
  computeNoteWebglTestFailed: 'WebGL no arrancó (falló un cálculo de prueba)',
  computeNoteContextLost: 'se perdió el contexto WebGL; se calcula en la CPU',
  computeNoteRestarted: 'el hilo de cálculo se reinició tras: {cause}',
  computeNoteGaveUp: 'el hilo de cálculo falló {count} veces ({cause})',
  computeNoteGaveUpOnce: 'el hilo de cálculo falló ({cause})',
  computeNoteNoWorker: 'se calcula en el hilo principal: {cause}',
  computeNoteCannotCompute: 'no se puede calcular: {detail}',
  workerFailureUnnamed: 'un error en el hilo de cálculo',
  workerFailureUndecodable: 'no se pudo descodificar un mensaje',
  workerFailureSilent: 'sin respuesta durante {seconds} s',
  workerFailureNoStart: 'no arrancó en {seconds} s',
  workerFailureNoWebWorkers: 'este navegador no tiene Web Workers',
  engineWasm: 'El motor float64 ejecuta sus bucles críticos en WebAssembly SIMD',
  engineJs: 'El motor float64 se ejecuta en JavaScript (WebAssembly no está disponible aquí)',
  plotLabel:
    'Datos y ajuste del proceso gaussiano. Haz clic en un espacio vacío para añadir un punto.',
  embedPlotLabel:
    'Datos y ajuste del proceso gaussiano. Arrastra un punto; haz clic en un espacio vacío para añadir uno.',
  pointLabel: 'Punto {index} de {count}: x {x}, y {y}.',
  pointRaises: ' Subirlo hace crecer {symbol}: d log {symbol}/dy {value}.',
  pointLowers: ' Subirlo hace bajar {symbol}: d log {symbol}/dy {value}.',
  pointRightRaises: ' Moverlo a la derecha hace crecer {symbol}: d log {symbol}/dx {value}.',
  pointRightLowers: ' Moverlo a la derecha hace bajar {symbol}: d log {symbol}/dx {value}.',
  keyMean: 'media a posteriori',
  keyBand: 'banda del 95 % de f',
  keyArrowThisLong: 'Una flecha así:',
  keyChangesBy: '{symbol} cambia un {rate} %',
  keyPerUnit: 'por cada unidad que',
  keyPerStep: 'por cada {step} que',
  keyNoArrows: 'Sin flechas',
  keyAtThisFit: 'en este ajuste',
  keyMovesAlong: 'avanza el punto',
  keyTheArrow: 'por la flecha',
  keyMovesUp: 'sube el punto',

  yourTheta: 'Tu θ',
  manualSigmaAtBest: '(σf = {signal}, su mejor valor ahí; σn = {noise})',
  computingFit: 'Calculando su ajuste…',
  curveSingular: 'Su curva no se puede dibujar aquí (la covarianza es singular).',
  arrowsGreyedManual: 'Las flechas están en gris: son derivadas en θ̂, no aquí.',
  backToFit: 'Volver a θ̂',
  likelihoodUnknown: 'no se pudo calcular su verosimilitud',
  likelihoodSame: 'a menos de 0,01 nats de θ̂: explica los datos igual de bien',
  likelihoodWorse: '−{nats} nats: este θ explica los datos e^{nats} ≈ {factor} veces peor que θ̂',
  likelihoodBetter: '+{nats} nats: este θ explica los datos e^{nats} ≈ {factor} veces mejor que θ̂',
  moreThanHuge: 'más de 10³⁰⁰',

  readoutTitle: 'Hiperparámetros ajustados',
  inUnit: 'en {unit}',
  notYetFitted: 'aún sin ajustar',
  iftPredicts: 'las flechas predecían {value}',
  fromTheRefit: 'según las flechas al empezar el arrastre; a {gap} del reajuste',
  natsValue: '{value} nats',
  conditionNumber: 'Número de condición de la hessiana',
  hessian: 'Hessiana',
  atThetaHat: 'en θ̂',
  negativeDefinite: 'definida negativa',
  notNegativeDefinite: 'no definida negativa',
  negativeDefiniteHeld: 'definida negativa, con σn fija',
  hessianOnBound: 'sin pico: θ̂ está en un límite',
  fittedAnnouncement:
    'Ajustado: escala de longitud {lengthscale}, desviación típica de la señal {signalStd}, desviación típica del ruido {noiseStd}.',

  fitting: 'Ajustando…',
  trustShown: 'Sensibilidades fiables: θ̂ es un máximo interior estricto.',
  trustCaution: 'Usa las flechas con cuidado.',
  trustUntrusted: 'Flechas en gris: aquí no se puede confiar en las sensibilidades.',
  trustHidden: 'Flechas ocultas: aquí las sensibilidades no están definidas.',
  trustNoFit: 'No hay ajuste para estos puntos.',
  trustRefitting:
    'Reajustando: las flechas y θ̂ que ves corresponden a los puntos anteriores a tu último cambio.',

  legendTitle: 'Cómo leer las flechas',
  legendVector:
    'Señala hacia dónde mover el punto para que {symbol} suba lo más rápido posible; sus componentes son ∂ log {symbol}/∂x y ∂ log {symbol}/∂y.',
  legendVertical:
    'Hacia arriba: subir el punto hace crecer la {name} {symbol}. Hacia abajo: subirlo hace bajar {symbol}.',
  legendLength:
    'Longitud: ∂ log {symbol} / ∂y, en logaritmo para que no dependa de las unidades de {symbol}. Una flecha de una unidad de y de largo significa ∂ log {symbol} / ∂y = {reference}, como dice la leyenda de la gráfica: {symbol} cambia alrededor de un {percent} % por cada subida de {step}.',
  legendLengthNone:
    'Longitud: en este ajuste no hay flechas, ni escala que indicar; el motivo aparece junto a θ̂.',
  legendCapped: 'Recortada: más larga de lo que se dibuja.',
  legendCaution: 'Discontinua en color: con cuidado; el motivo, junto a θ̂.',
  legendGrey: 'Gris y discontinua: el ajuste no es fiable; el motivo, junto a θ̂.',
  legendScaleNote:
    'La escala queda fija mientras arrastras y también al soltar, para comparar flechas entre puntos y en el tiempo. Solo cambia cuando las flechas la desbordan o se quedan muy por debajo de ella, o cuando muestras las flechas de otro hiperparámetro o cargas otros datos (tras un cambio de regla solo se conserva si cabe); entonces la leyenda de la gráfica se resalta un momento.',
  rescale: 'Ajustar la escala a estas flechas',

  predictionTitle: 'Predicción frente a reajuste',
  predictionIntro: 'Las flechas son derivadas, así que predicen θ̂ a primer orden:',
  predictionFromStart: ', desde donde empezó el arrastre.',
  predictionIdle:
    'Arrastra un punto, o muévelo con las flechas del teclado, para comparar la predicción con el θ̂ reajustado.',
  predictionMoved: 'El punto {index} se movió Δx = {dx}, Δy = {dy}.',
  predictionAgrees: 'Para {symbol}, la predicción de la flecha coincide con el reajuste.',
  predictionParted:
    'Para {symbol}, la predicción se ha separado del reajuste: el movimiento va más allá de donde vale la recta de la flecha.',
  predictionJumped:
    'Para {symbol}, el reajuste ha saltado a otro máximo: el punto ha cruzado el salto que su curva de respuesta marca en {axis} ≈ {value}, y ninguna recta lo prevé.',
  verdictPrediction: 'predicción',
  verdictRefit: 'reajuste {refit} ({gap} de diferencia)',
  verdictAgrees: '— coinciden',
  verdictParted: '— se separan',

  checkTitle: 'Compruébalo',
  checkIntro:
    'Reajusta con yᵢ desplazado ±h y compara la pendiente con la ∂ log θ̂/∂yᵢ del teorema de la función implícita (TFI).',
  checkSelect: 'Selecciona un punto para comprobarlo',
  checkRefitting: 'Reajustando alrededor del punto {index}…',
  checkRun: 'Comprobar el punto {index} por diferencias finitas',
  checkFailed: 'La comprobación no pudo hacerse con estos puntos.',
  checkDigits: 'cifras coinciden para el punto {index}, contadas respecto a la mayor de las tres.',
  checkIft: 'TFI',
  checkFd: 'diferencias finitas',

  fitWiggly: 'un ajuste ondulado',
  fitFlat: 'un ajuste plano',
  fitSmooth: 'un ajuste suave',
  fitWigglyNoisy: 'un ajuste ondulado y ruidoso',
  fitFlatNoisy: 'un ajuste plano y ruidoso',
  fitSmoothNoisy: 'un ajuste suave y ruidoso',
  muchNoise: 'mucho ruido',
  littleNoise: 'poco ruido',
  moreNoise: 'más ruido',
  lessNoise: 'menos ruido',
  fitDescription: '{shape} (ℓ = {lengthscale}, {noise})',
  nearTie:
    'Dos explicaciones de los datos son casi igual de verosímiles: {first} y {second}, solo {gap} nats de {objective} por detrás. Un pequeño cambio en los datos puede hacer que el ajuste salte de una a otra.',
  boundaryFlatLine:
    'ℓ no deja de crecer, mucho más allá de los datos: el ajuste es una recta horizontal y cada punto es ruido a su alrededor, así que no hay un máximo en el que derivar.',
  boundaryStraightLine:
    'ℓ no deja de crecer, mucho más allá de los datos: el ajuste es una recta, así que no hay un máximo en el que derivar.',
  boundaryBeyondSpan:
    'ℓ no deja de crecer, mucho más allá del rango de los datos: la verosimilitud sube sin parar, así que no hay un máximo en el que derivar.',
  boundaryBelowSpacing:
    'ℓ se hace menor que la separación entre los puntos: los vecinos dejan de informarse entre sí y la curva solo se dobla en los propios puntos. No hay un máximo en el que derivar.',
  boundaryNoiseVanishing:
    'σn se reduce a cero: la curva pasa exactamente por cada punto, así que no hay un máximo en el que derivar.',
  boundarySignalVanishing:
    'σf se reduce a cero: la curva es plana en cero y cada punto es ruido, así que no hay un máximo en el que derivar.',
  boundarySignalUnbounded:
    'σf no deja de crecer: la regla prefiere una varianza de la señal cada vez mayor, así que no hay un máximo en el que derivar.',
  failureAllXEqual:
    'Todos los puntos tienen la misma x, así que no se puede ajustar ninguna escala de longitud. Mueve un punto hacia un lado.',
  failureZeroY:
    'Todos los puntos tienen y = 0, así que no hay nada que ajustar. Sube o baja un punto.',
  failureTooFew: 'Hay muy pocos puntos para ajustar tres hiperparámetros. Añade un punto.',
  termWhatIs: '¿Qué es {term}?',

  widgetControls: 'Controles del widget',
  openInExplorer: 'Abrir en el explorador ↗',
  openInExplorerShort: 'Explorador ↗',
  embedHint: 'Arrastra un punto: θ̂ se reajusta.',
  embedRefitting:
    'Reajustando: θ̂ y las flechas corresponden a los puntos anteriores a tu último cambio.',
  embedNoFit: 'Sin ajuste: {reason}',
  embedGreyed: 'Flechas en gris',
  embedNoArrows: 'Sin flechas',
  embedCare: 'Usa las flechas con cuidado',
  embedTrusted: 'flechas fiables',
  embedNotReliable: 'aquí las sensibilidades no son fiables.',
  embedTrustHidden: 'fiabilidad: se muestra al responder',
  computedBy: 'calculado con',
  // Reglas de selección, influencia de los puntos, hacia dónde tiraría un punto nuevo
  ruleLabel: 'Regla',
  ruleMl: 'ML-II',
  ruleMap: 'MAP',
  ruleLoo: 'LOO-CV',
  ruleExplainMl:
    'ML-II elige el θ con el que los puntos son más probables (máxima verosimilitud marginal).',
  ruleExplainMap:
    'MAP añade a ML-II una distribución a priori débil: atrae cada hiperparámetro hacia una mediana fijada por la escala de los propios datos, el 95 % de las veces a menos de un factor de ella, arriba o abajo (se ajusta abajo). Mantiene θ̂ lejos de los bordes.',
  ruleExplainLoo:
    'LOO-CV elige el θ que mejor predice cada punto a partir de todos los demás (probabilidad logarítmica dejando uno fuera).',
  priorLegend: 'La distribución a priori de MAP, relativa a los datos',
  priorMedian: 'mediana',
  priorFactor: 'el 95 % dentro de un factor de',
  priorOfSdX: '× la desv. típica de x',
  priorOfRmsY: '× la media cuadrática de y',
  priorDefaults: 'Valores por defecto',
  priorInvalid:
    'No se usa: una mediana es un número entre {minMedian} y {maxMedian}; un factor, entre {minFactor} y {maxFactor}.',
  compareLabel: 'Comparar con',
  compareNone: 'nada',
  compareKey:
    'Flechas: {first} (a la izquierda de cada punto) y {second} (a la derecha), a la misma escala.',
  compareUndefined: '{rule}: aquí no hay flechas ({reason}).',
  showInfluence: 'influencia',
  showPullMap: 'tirón de un punto nuevo',
};
