/** El texto de los paneles, los avisos y los motivos del motor en español (ver panels.en.ts). */
import type { panelsEn } from './panels.en';

export const panelsEs: { readonly [Key in keyof typeof panelsEn]: string } = {
  pointRole: 'punto arrastrable',

  curveTitle: 'Curva de respuesta',
  curvePoint: 'punto {index}',
  curveAxisOf: '{axis} del punto {index}',
  curveMoveY: 'mover y',
  curveMoveX: 'mover x',
  curveVaryY: 'Variar la y del punto',
  curveVaryX: 'Variar la x del punto',
  curveFitted: '{symbol} ajustada',
  curveJump: 'salto',
  curveFigureLabel:
    '{symbol} reajustada a medida que {axis} va de {from} a {to}, con la tangente cuya pendiente es la flecha.',
  curveSelect:
    'Selecciona un punto (haz clic en él, tócalo o llega con Tab) para ver θ̂ reajustado mientras se mueve.',
  curveFailed: 'No hay curva para estos puntos: {reason}.',
  curveFailedDefault: 'los reajustes fallaron',
  curveAfterRelease: 'La curva se calcula cuando sueltas el punto.',
  curveComputing: 'Reajustando a lo largo del recorrido del punto…',
  curveRecomputing: 'Reajustando alrededor de la nueva posición del punto…',
  curveNoTangent:
    'Sin tangente: aquí no hay un máximo estricto, así que no hay flecha; cada punto de la curva sigue siendo un reajuste.',
  curveShaded: 'Sombreado: la tangente (la flecha) se aleja menos de un {within} de los reajustes.',
  curveJumpsAt:
    'En {axis} ≈ {value}, {symbol} salta de {from} a {to}: otro máximo, que ninguna tangente prevé.',
  curveJumpsLargest:
    'El mayor de {count} saltos, en {axis} ≈ {value}: {symbol} {from} → {to}; ninguna tangente lo prevé.',
  curveRidgeBelow:
    'En {axis} ≈ {value} y por debajo, el ajuste ya no tiene máximo (círculos huecos).',
  curveRidgeAbove:
    'En {axis} ≈ {value} y por encima, el ajuste ya no tiene máximo (círculos huecos).',
  curveRidgeNear: 'Cerca de {axis} ≈ {value} el ajuste no tiene máximo (círculos huecos).',
  curveBendsAway:
    'Sombreado: la tangente (la flecha) se aleja menos de un {within} de los reajustes; más allá, la curva se aparta de la recta y la predicción con ella.',
  curveHolds:
    'La tangente se aleja menos de un {within} de todos los reajustes mostrados: aquí la flecha predice {symbol}.',

  mathTitle: 'Las matemáticas',
  mathObjective:
    'El θ̂ ajustado maximiza la log-verosimilitud marginal, con θ = (log ℓ, log σf, log σn):',
  mathObjectiveMap:
    'El θ̂ ajustado maximiza la log-verosimilitud marginal más el log de la prior (MAP), con θ = (log ℓ, log σf, log σn) y una prior normal sobre cada uno, centrada en μₖ y con dispersión sₖ:',
  mathObjectiveLoo:
    'El θ̂ ajustado maximiza la log-probabilidad dejando uno fuera (LOO-CV): lo bien que cada punto se predice a partir de todos los demás, donde la predicción del punto i tiene media μᵢ = yᵢ − [K⁻¹y]ᵢ / [K⁻¹]ᵢᵢ y varianza σᵢ² = 1 / [K⁻¹]ᵢᵢ, con θ = (log ℓ, log σf, log σn):',
  mathTheorem:
    'Como ∇L(θ̂) = 0 para todos los datos cercanos a y, el teorema de la función implícita da, a partir de una única hessiana H, cómo tira cada punto de θ̂:',
  mathAtFit: 'En este ajuste, en log θ:',
  mathNoSensitivities: 'No hay sensibilidades en este ajuste: {reason}.',
  mathFitFailed: 'el ajuste falló',
  mathConstrained:
    '{reason}: el teorema se aplica solo a ℓ y σf, manteniendo σn en la misma fracción de σf.',
  mathShowingFirst: 'Se muestra el punto 1; selecciona un punto para ver su columna.',
  mathColumnOf: 'La columna del punto {index}, el seleccionado.',

  embedButton: 'Insertar',
  embedDialogTitle: 'Insertar esta figura',
  close: 'Cerrar',
  embedShow: 'Mostrar',
  embedPanelControls: 'controles',
  embedPanelReadout: 'lectura de θ̂',
  embedPanelStatus: 'nota de fiabilidad',
  embedHeight: 'altura de la gráfica',
  embedPixels: 'px',
  embedTheme: 'tema',
  embedThemeAuto: 'automático',
  embedThemeLight: 'claro',
  embedThemeDark: 'oscuro',
  embedAsIframe: 'Como iframe (cualquier página)',
  embedAsElement: 'Como elemento (páginas que admiten un script)',
  embedNote:
    'Ambos muestran los puntos y ajustes que ves ahora. Los lectores pueden arrastrar los puntos; sus cambios se quedan en su pantalla.',
  copy: 'Copiar',
  copied: 'Copiado',
  selectAndCopy: 'Selecciona y copia',
  embedIframeTitle:
    'Figura interactiva: cómo tira cada dato de los hiperparámetros ajustados de un proceso gaussiano',

  lessonRegion: 'Lección',
  lessonButton: 'Lección',
  lessonDialogTitle: 'Crear un enlace de clase',
  lessonIntro:
    'Un enlace a estos puntos y ajustes que oculta las partes que marques y muestra arriba tu título y tu pie. Prepara un enlace por idea, en el orden en que vayas a explicarlas.',
  lessonHide: 'Ocultar',
  lessonTitleLabel: 'Título',
  lessonCaptionLabel: 'Pie',
  lessonLimit: 'texto sin formato, como máximo {count} caracteres',
  lessonLinkLabel: 'El enlace de clase',
  lessonPartControls: 'controles y nota del conjunto de datos',
  lessonPartReadout: 'θ̂ y sus números',
  lessonPartCurve: 'curva de respuesta',
  lessonPartLandscape: 'paisaje de la verosimilitud',
  lessonPartRules: 'reglas de selección e influencia',
  lessonPartPrediction: 'predicción frente a reajuste',
  lessonPartCheck: 'comprobación por diferencias finitas',
  lessonPartLegend: 'cómo leer las flechas',
  lessonPartMath: 'las matemáticas',
  lessonPartAbout: '¿qué estoy viendo?',

  noticeMaxPoints: 'El explorador admite como máximo {max} puntos.',
  noticeMinPoints: 'Deja al menos {min} puntos: los necesitan tres hiperparámetros.',
  languageLoadFailed:
    'No se pudo cargar el texto en {language}; elígelo de nuevo para reintentarlo.',

  reasonNotConverged: 'el optimizador no convergió a un punto estacionario',
  reasonSwamped:
    'el ruido es tan pequeño frente a la señal (σn/σf = {ratio}) que el redondeo de float64 ahoga la curvatura de {objective}: las flechas serían ruido',
  reasonFlat:
    '{objective} es plana o tiene forma de silla en el óptimo (la hessiana no es definida negativa)',
  reasonIllConditioned:
    'el óptimo es casi plano en una dirección (número de condición {condition})',
  reasonRoughDigits:
    'el ruido es minúsculo frente a la señal (σn/σf = {ratio}), así que el error de redondeo solo deja a las flechas su tamaño y dirección aproximados',
  reasonFewDigits:
    'el ruido es minúsculo frente a la señal (σn/σf = {ratio}), así que el error de redondeo deja a las flechas unas {digits} cifras correctas',
  reasonNoiseFloor:
    'σn está en su valor mínimo permitido (σn/σf = {ratio}); las flechas muestran cómo se mueven ℓ y σf con σn fija ahí, para movimientos de un punto mucho menores que σn',
  reasonOneDigit:
    'el ruido es minúsculo frente a la señal (σn/σf = {ratio}), así que el error de redondeo deja a las flechas una cifra correcta',
  reasonNearTie:
    'otro máximo es casi igual de probable (diferencia de {objective} {gap}): un pequeño cambio en los datos puede hacer saltar el ajuste',
  reasonBelowSpacing:
    'la escala de longitud tiende a cero (por debajo de la separación entre las entradas): los datos parecen ruido puro',
  reasonBeyondSpan:
    'la escala de longitud tiende a infinito (mucho más allá del rango de las entradas): los datos parecen una recta o una constante',
  reasonNoiseVanishing: 'el ruido tiende a cero: el ajuste interpola los datos',
  reasonSignalVanishing: 'la señal tiende a cero: los datos se explican solo con ruido',
  reasonSignalUnbounded:
    'la varianza de la señal tiende a infinito: los datos parecen una tendencia que el núcleo solo alcanza en el límite o (dejando uno fuera) una distribución a priori cada vez más plana y más grande cuyas predicciones interpolan suavemente',
  objectiveMl: 'la verosimilitud',
  objectiveMap: 'la log-densidad a posteriori',
  objectiveLoo: 'la probabilidad logarítmica dejando uno fuera',
  objectiveGapMl: 'log-verosimilitud',
  objectiveGapMap: 'log-densidad a posteriori',
  objectiveGapLoo: 'probabilidad logarítmica dejando uno fuera',
  reasonNoTheorem: '{reasons}, así que el teorema de la función implícita no se aplica',
};
