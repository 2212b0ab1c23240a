/** Las explicaciones del glosario (src/ui/glossary.ts) en español, con los mismos términos. */
import type { GlossaryEntry, GlossaryTerm } from '../ui/glossary';

export const GLOSSARY_ES: Readonly<Record<GlossaryTerm, GlossaryEntry>> = {
  lengthscale: {
    term: 'escala de longitud ℓ',
    explanation:
      'Lo lejos que pueden estar dos entradas y seguir teniendo salidas parecidas, en unidades de x. Una ℓ corta da un ajuste ondulado que sigue a los puntos; una ℓ larga, uno suave que varía despacio.',
  },
  signalStd: {
    term: 'desviación típica de la señal σf',
    explanation:
      'Cuánto se aleja normalmente de cero la función subyacente, en unidades de y: el tamaño del patrón que explica el ajuste.',
  },
  noiseStd: {
    term: 'desviación típica del ruido σn',
    explanation:
      'Cuánto se dispersa cada observación alrededor de la función subyacente, en unidades de y: lo que el ajuste deja sin explicar.',
  },
  logLikelihood: {
    term: 'log p(y | X, θ̂)',
    explanation:
      'El logaritmo de la verosimilitud marginal: lo probables que son las y observadas según el modelo con hiperparámetros θ, promediando sobre todas las funciones posibles. θ̂ es el θ que la hace máxima. Se mide en nats.',
  },
  nats: {
    term: 'nats',
    explanation:
      'Unidades de logaritmo natural. Una diferencia de d nats en la log-verosimilitud significa que los datos son eᵈ veces más (o menos) probables: 1 nat es unas 2,7 veces; 3 nats, unas 20.',
  },
  hessian: {
    term: 'hessiana',
    explanation:
      'La matriz 3×3 de segundas derivadas de la log-verosimilitud en θ̂ (en log ℓ, log σf, log σn). Dice con qué rapidez cae el pico en cada dirección, es decir, con qué precisión fijan los datos θ̂. Las flechas se construyen con su inversa.',
  },
  conditionNumber: {
    term: 'número de condición',
    explanation:
      'La mayor curvatura de la hessiana dividida por la menor. Cerca de 1, el pico es redondo; muy grande (por encima de unos 10⁸), es una cresta larga y plana a lo largo de la cual θ̂ apenas queda determinado, y las flechas dejan de ser fiables.',
  },
  negativeDefinite: {
    term: 'definida negativa',
    explanation:
      'La verosimilitud se curva hacia abajo en todas las direcciones en θ̂: un pico de verdad, no un punto de silla ni una cresta plana. Solo entonces el teorema de la función implícita da las flechas.',
  },
  onBound: {
    term: 'sin pico: en un límite',
    explanation:
      'La verosimilitud sigue subiendo más allá del borde de la región en la que se busca (aquí un hiperparámetro no deja de crecer o de menguar), así que θ̂ es donde se detuvo la búsqueda, no un pico. Sea cual sea la curvatura ahí, no hay un máximo que derivar, y el teorema de la función implícita no se aplica.',
  },
  nearTie: {
    term: 'casi empate',
    explanation:
      'Un segundo pico de la verosimilitud casi tan alto como θ̂ (a menos de un nat, más o menos): dos explicaciones de los datos bastante distintas son casi igual de probables, y un pequeño cambio en los datos puede hacer que el ajuste salte de una a otra.',
  },
  computeBackend: {
    term: 'línea de cálculo',
    explanation:
      '«cálculo webgl» (o cpu, o hilo principal): dónde se calculan la curva y su banda: en un hilo en segundo plano en la tarjeta gráfica mediante TensorFlow.js, o en el procesador; mientras arrastras un punto (hasta 50 puntos), la propia página calcula cada paso, para que las flechas sigan al puntero. «float64 wasm» (o js): cada número que ves, θ̂, la verosimilitud y las flechas, sale de un motor de doble precisión compilado a WebAssembly (o ejecutado como JavaScript).',
  },
  laplace: {
    term: 'elipses de Laplace',
    explanation:
      'Cerca de su pico, la verosimilitud es aproximadamente una gaussiana con covarianza Σ = −H⁻¹ (la inversa de la hessiana). Las elipses discontinuas son sus regiones de una y dos desviaciones típicas en estos ejes: dónde podría estar θ de forma plausible según los datos. Una elipse pequeña significa que θ̂ está bien determinado.',
  },
  profileLikelihood: {
    term: 'log-verosimilitud perfilada',
    explanation:
      'En cada lugar (ℓ, σn²/σf²) del mapa, la desviación típica de la señal σf toma su mejor valor, así que el color es la mejor log-verosimilitud alcanzable ahí. Por construcción, el mapa no depende de σf.',
  },
};
