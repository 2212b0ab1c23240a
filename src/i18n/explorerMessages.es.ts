/** El texto propio del explorador en español, con las mismas claves que explorerMessages.en.ts. */
import type { ExplorerMessages } from './explorerMessages.en';

export const explorerMessagesEs: ExplorerMessages = {
  // Paisaje de la verosimilitud
  landscapeTitle: 'Paisaje de la verosimilitud',
  landscapeRole: 'mapa interactivo',
  landscapeKeys:
    'Las flechas del teclado mueven una cruz, Enter muestra el ajuste en ese θ y Escape vuelve a θ̂.',
  landscapeNotComputed: 'Paisaje de la verosimilitud, aún sin calcular.',
  landscapeDescribe:
    'Paisaje de la verosimilitud sobre la escala de longitud y el cociente de ruido. El máximo θ̂ está en ℓ {lengthscale}, cociente de ruido {ratio}.',
  landscapeSecond: 'Existe un segundo máximo, más bajo.',
  landscapeOffMap: 'θ̂ (fuera del mapa)',
  landscapeYourTheta: 'tu θ',
  landscapeRunnerUp: 'segundo máximo, {gap} nats más abajo',
  landscapeIft: 'predicción',
  landscapeOptimumPredicted: 'θ̂, como se predijo',
  landscapeAxisLengthscale: 'escala de longitud ℓ',
  landscapeAxisNoise: 'cociente de ruido σn²/σf²',
  landscapeCaption:
    'Color: la {profile} en {nats} por debajo de {top}. Discontinuas: las {laplace} (1σ, 2σ) de Σ = −H⁻¹, que indican con qué precisión fija la {hessian} a θ̂; donde la verosimilitud es cuadrática siguen las curvas de nivel de 0,5 y 2 nats.',
  termProfileLikelihood: 'log-verosimilitud perfilada',
  termNats: 'nats',
  termLaplace: 'elipses de Laplace',
  termHessian: 'hessiana',
  termNearTie: 'casi empate',
  landscapeNoEllipse: 'Aquí no hay elipse: θ̂ no es un máximo estricto.',
  landscapeTopTheta: 'θ̂',
  landscapeTopPeak: 'su cima',
  landscapeOtherRule:
    'Este mapa es siempre la verosimilitud (ML-II). {rule} elige θ̂ con otro objetivo: θ̂ puede no estar en su cima, y sus elipses salen de la hessiana de ese objetivo.',
  landscapeRunnerUpGap: 'Un segundo máximo está {gap} nats más abajo.',
  landscapeRunnerUpTie: 'Un segundo máximo está {gap} nats más abajo: un {tie}.',
  landscapeTry: 'Haz clic o toca el mapa para probar un θ propio.',
  landscapeHint:
    'Pasa el puntero o toca el mapa para leerlo; haz clic o toca para probar ese θ; o usa Tab, las flechas y Enter.',
  landscapeOutside: 'fuera del mapa calculado.',
  natsRelative: 'nats respecto a θ̂',
  natsRelativeTop: 'nats respecto a la cima',

  // La leyenda del gráfico: las dos reglas al compararlas
  keyCompareFirst: '{rule} (izquierda)',
  presetUnderMl: '(con ML-II)',
  legendLengthVector:
    'Longitud: lo deprisa que sube log {symbol} en esa dirección, √((∂ log {symbol}/∂x)² + (∂ log {symbol}/∂y)²). Una flecha de una unidad de largo significa {reference}, como dice la leyenda de la gráfica: {symbol} cambia alrededor de un {percent} % cuando el punto se mueve {step} a lo largo de su flecha.',
  presetAsLoaded: '(tal como se cargó, antes de tus cambios)',
  presetResetTitle: 'Vuelve a los datos y ajustes tal como se cargaron, antes de tus cambios',
  presetOtherRule: 'Esta nota describe el ajuste ML-II; el ajuste mostrado es {rule}.',
  keyCompareSecond: '{rule} (derecha)',
  keyPullShading: 'Sombreado: un punto',
  keyPullAdded: 'añadido aquí mueve {symbol}',
  keyPullColours: '↓ azul, ↑ rojo',

  // Influencia de los puntos y hacia dónde tiraría un punto nuevo
  insightComputing: 'Calculando…',
  insightWaiting: 'Suelta el punto para calcular esto.',
  insightFailed: 'No se pudo calcular: {message}',
  readoutObjective: 'Objetivo de {rule} en θ̂',
  readoutOfRule: '({rule})',
  readoutCompared: '{rule}: {value}',
  readoutComparedNoMaximum: '{rule}: {value} ✗ sin máximo',
  readoutToInfinity: '→ ∞, la búsqueda se detuvo aquí',
  readoutToZero: '→ 0, la búsqueda se detuvo aquí',
  readoutOnFloor: 'fija en su mínimo',
  influenceTitle: 'Cuánto sostiene cada punto la {name} ajustada',
  influenceIntro:
    'Eliminación: cuánto cambia la {name} ajustada al quitar el punto y reajustar θ̂. Navaja (navaja infinitesimal, «infinitesimal jackknife»): ese cambio predicho por una derivada en θ̂, sin reajustar. Donde coinciden, el tirón es lineal; donde se separan —un punto sostiene θ̂, o θ̂ salta a otro máximo sin él— la derivada engaña. Diferencia: cuánto distan las dos, en logaritmo, |log(1 + eliminación) − log(1 + navaja)|; 0,01 es alrededor de un 1 %.',
  influencePoint: 'Punto',
  influenceRemoval: 'Eliminación',
  influenceJackknife: 'Navaja',
  influenceGap: 'Diferencia (log)',
  influenceSortBy: 'Ordenar por {column}',
  influenceJumped: 'salta a otro máximo',
  influenceUntrusted: 'reajuste no fiable',
  influenceInvalid: 'no se puede reajustar sin él',
  influenceUndefined: 'Aquí la navaja infinitesimal no está definida: {reason}.',
  influenceChecking:
    'Comprobando cada reajuste buscando θ̂ desde muchos puntos de partida, no solo desde θ̂, para detectar un salto a otro máximo; alguna fila aún puede cambiar.',
  influenceChecked:
    'Cada reajuste se ha comprobado además buscando θ̂ desde muchos puntos de partida, no solo desde θ̂, para detectar un salto a otro máximo.',
  influenceCheckFailed:
    'La búsqueda desde muchos puntos de partida no pudo terminar ({message}): cada reajuste de la tabla partió solo de θ̂.',
  // {name} es siempre femenino: escala de longitud, desviación típica…
  pullMapLabel: 'Hacia dónde empujaría un punto nuevo la {name} ajustada',
  pullMapKey:
    'Un punto añadido aquí cambiaría la {name} ajustada en aproximadamente (pasos iguales en logaritmo):',
  pullMapHint:
    'Pasa el puntero o toca el mapa para ver su valor; haz clic o toca para elegir un lugar.',
  pullMapAt:
    'Un punto nuevo en ({x}; {y}) cambiaría el valor ajustado ({name}) en torno a {change} (primer orden).',
  pullMapRefit: 'Reajustar exactamente con un punto aquí',
  pullMapExact: 'Reajuste exacto: {change}.',
  pullMapHolds:
    'El primer orden decía {predicted}: a menos de una quinta parte del cambio exacto, se cumple.',
  pullMapMisses:
    'El primer orden decía {predicted}: a más de una quinta parte del cambio exacto, así que aquí un punto completo (no infinitesimal) aparta θ̂ de esa recta.',
  pullMapJumped: 'Reajuste exacto: {change}; θ̂ salta a otro máximo.',
  pullMapUndefined: 'Aquí no hay mapa: {reason}.',
};
