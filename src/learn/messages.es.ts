/** El texto del artículo en español, con las mismas claves que messages.en.ts. */
import type { LearnMessages } from './messages';

export const es: LearnMessages = {
  pageTitle:
    'Cómo dependen de los datos los hiperparámetros ajustados de un PG — GP Sensitivity Explorer',
  metaDescription:
    'Una explicación guiada con figuras vivas: por qué dℓ/dy vale cero, qué es θ̂(X, y) y cómo el teorema de la función implícita da dθ̂/dy.',
  languageLabel: 'Idioma',
  explorerLink: 'Abrir el explorador',
  skipToArticle: 'Saltar al artículo',
  title: 'Cómo dependen de los datos los hiperparámetros ajustados de un proceso gaussiano',
  lead: 'Alguien preguntó una vez por «la derivada de la escala de longitud respecto de un dato nuevo». Tomada al pie de la letra, la pregunta no tiene respuesta. La salida es una de las ideas más prácticas de la estadística aplicada, y esta página la recorre con figuras que se pueden mover.',
  source:
    'El razonamiento sigue una respuesta de Cross Validated ({question}, {answer}), contada aquí con nuestras propias palabras y con un desliz de su fórmula comprobado por cálculo (paso 7).',
  sourceQuestion: 'pregunta 446850',
  sourceAnswer: 'respuesta 447199',
  staticNote:
    'Imagen dibujada al construir la página; con JavaScript activo la sustituye una figura viva.',

  s1Title: '1. Un ajuste y sus tres mandos',
  s1Intro:
    'Un proceso gaussiano (PG) es una manera de repartir probabilidad entre curvas suaves. Tres números, los *hiperparámetros* θ = (ℓ, σf, σn), dicen qué curvas espera:',
  s1Lengthscale:
    'la **escala de longitud ℓ**: en qué distancia en x puede la curva cambiar mucho. Con ℓ pequeña la curva ondula deprisa; con ℓ grande es casi recta.',
  s1Signal:
    'la **desviación típica de la señal σf**: cuánto se aparta normalmente la curva de cero.',
  s1Noise:
    'la **desviación típica del ruido σn**: cuánto se dispersa cada punto medido alrededor de la curva.',
  s1Play:
    'Con los puntos, el PG traza su mejor estimación de la curva f (la media a posteriori) y una banda por donde pasa f de forma plausible (95 %). El ruido no está en la banda, así que muchos puntos quedan fuera de ella. En la figura 1 eliges tú ℓ; σf y σn se quedan en sus valores ajustados. El número bajo el gráfico es la *log-verosimilitud marginal* log p(y | X, θ): lo probables que son los datos con tu θ. Intenta que sea lo mayor posible.',
  fig1Caption:
    'Figura 1. El seno con ruido ({n} puntos) y el ajuste para la ℓ que elijas. El máximo está en ℓ̂ = {best}; los pasos del control quedan cerca de él.',
  fig1Slider: 'Escala de longitud ℓ',
  fig1Value: 'Con ℓ = {l}: log p(y | X, θ) = {lml}.',
  fig1Best: 'Máximo: {bestLml} en ℓ̂ = {best}, {gap} por encima del tuyo.',
  fig1AtBest: 'El paso del deslizador más cercano al máximo, en ℓ̂ = {best}: {gap} por debajo.',

  s2Title: '2. ℓ es un número que eliges; la regla depende de los datos',
  s2P1: 'En la figura 1 la ℓ la fijas tú, y se queda donde la pongas sean cuales sean los puntos. Ahí está todo el problema de «dℓ/dy»: ℓ es un valor que fijas tú, no una función de los datos, así que su derivada respecto de cualquier yᵢ es cero y no nos dice nada.',
  s2P2: 'Lo que sí depende de los datos es una **regla** que elige θ a partir de ellos. La habitual es el juego al que acabas de jugar: quedarse con el θ que hace más probables los datos,',
  s2P3: 'θ̂ es una función de los datos. Mueve un punto y θ̂ se mueve con él; esa función tiene derivada, y es la que buscaba la pregunta.',
  fig2Caption:
    'Figura 2. El explorador con los mismos datos, reajustando θ̂ mientras arrastras. Sube o baja cualquier punto y mira ℓ̂ en la lectura.',

  s3Title: '3. Un punto, una curva',
  s3P1: 'Toma un punto e imagina que lo subes y lo bajas (la figura 3 lo hace con el punto que elijas). A cada altura yᵢ reajustamos y apuntamos ℓ̂. Sale una curva corriente, ℓ̂ en función de yᵢ: la *curva de respuesta*. Cada punto de ella es un reajuste completo.',
  s3P2: 'Con ℓ̂ en escala logarítmica, como en la figura, su pendiente a la altura actual es d log ℓ̂/dyᵢ. Esa pendiente es lo que dibuja la flecha del punto, y para obtenerla no hace falta reajustar nada, como muestra el paso siguiente. La flecha no es una fuerza sobre el punto ni dice adónde quiere ir: dice cómo cambiaría ℓ̂ si subieras el punto.',
  fig3Caption:
    'Figura 3. ℓ̂ reajustada (escala logarítmica) con el punto {point} puesto a cada altura (puntos) y la tangente a su altura actual (línea).',
  pointPicker: 'Punto',
  pointOption: 'punto {point} (x = {x})',
  fig3Slope:
    'Pendiente a la altura actual, según el teorema: d log ℓ̂/dy = {slope}. Los puntos: {refits} reajustes.',

  s4Title: '4. Derivar sin una fórmula para θ̂',
  s4P1: 'No hay fórmula para θ̂: la encuentra un optimizador. Pero en el óptimo el gradiente de L(θ, y) = log p(y | X, θ) es cero, y sigue siéndolo cuando los datos se mueven, porque θ̂ se desplaza para mantenerlo así:',
  s4P2: 'Derivando los dos lados respecto de y, por la regla de la cadena, y despejando:',
  s4P3: 'donde H es la hessiana de L en θ̂. Es el *teorema de la función implícita*: solo pide cantidades del ajuste actual. Para un PG con matriz de covarianzas K y α = K⁻¹y (todo en log θ, como trabaja el motor):',
  fig4Caption:
    'Figura 4. El teorema con los números del punto elegido, calculados en vivo por el motor.',
  fig4Note:
    'H es la hessiana en log θ = (log ℓ, log σf, log σn); la segunda línea es la columna {point} de ∂²L/∂θ∂y; la última las multiplica para dar d log θ̂/dy{point}.',

  s5Title: '5. Comprobar el teorema',
  s5P1: 'Fíate, pero comprueba: sube el punto una cantidad pequeña h y bájalo h, reajusta las dos veces y divide el cambio de log θ̂ entre 2h. Para el punto {point} de estos datos, con h = {h} (y otra vez con h/2, combinando ambas para que se cancelen sus errores principales), la diferencia finita y el teorema coinciden en {digits} cifras, contadas respecto a la mayor de las tres derivadas.',
  fig5Caption:
    'Figura 5. Cuatro reajustes (±h y ±h/2) frente a una fórmula, para el punto elegido.',
  fig5Theorem: 'teorema',
  fig5Refit: 'reajustes',
  fig5Digits: 'Cifras que coinciden, respecto a la mayor: {digits}.',
  fig5Button: 'Reajustar otra vez',

  s6Title: '6. Dónde falla',
  s6P1: 'El teorema necesita un máximo estricto dentro de la región permitida: H tiene que ser definida negativa. Hay tres maneras de perderlo y una de que la flecha engañe:',
  s6Flat:
    '**Plano** (figura 6a): cuando los datos no muestran nada que una curva pueda seguir (ruido puro, una recta, una constante), ℓ̂ crece hasta que la búsqueda la detiene, mucho más allá del intervalo que ocupan las entradas: nada en los datos la sujeta. θ̂ no tiene derivada; la figura oculta las flechas y dice por qué.',
  s6Boundary:
    '**En el borde** (figura 6b): datos limpios, sin dispersión, empujan σn hasta el menor valor permitido. Allí el gradiente no tiene por qué anularse, pero el teorema sigue valiendo para ℓ y σf con σn fija en su mínimo: las flechas muestran esos movimientos, pero solo para desplazamientos de un punto mucho menores que σn. Aquí la propia σn está por debajo de 0,001, el paso más pequeño con que se puede arrastrar un punto: lee estas flechas como un límite, no como la predicción de un arrastre.',
  s6Tie:
    '**Casi empate** (figura 6c): dos explicaciones, por ejemplo una curva ondulante con poco ruido y otra suave con mucho, son casi igual de probables. Un movimiento pequeño puede hacer saltar θ̂ de una a otra, y ninguna derivada describe un salto.',
  s6Large:
    '**Movimientos grandes**: la flecha es una tangente. Si arrastras lejos, la curva de respuesta se separa de ella; la predicción de primer orden y el reajuste dejan de coincidir.',
  s6Marks:
    'Cada figura dice en qué caso está. Bajo la gráfica, una línea dice cuánto fiarse de las flechas: ✓ donde el teorema se cumple; ! donde se cumple pero con cuidado, y entonces las flechas son discontinuas; ✗ donde falla, con flechas grises discontinuas o ninguna.',
  fig6Caption:
    'Figura 6c. Dos grupos sin nada entre ellos: las log-verosimilitudes de las dos explicaciones solo difieren en {gap}. La nota bajo la gráfica dice lo que ve la página.',

  fig6FlatCaption:
    'Figura 6a. Ruido puro, {flatN} puntos: ℓ̂ = {flatLengthscale}, donde se detiene la búsqueda ({flatTimes} veces el intervalo de {flatSpan} que ocupan las entradas). El ajuste es una línea plana, las flechas están ocultas y la nota bajo la gráfica dice por qué.',
  fig6FloorCaption:
    'Figura 6b. Valores exactos de una parábola en {floorN} puntos, sin ruido añadido: σ̂n = {floorNoise}, en su mínimo (σn/σf = {floorRatio}). El motor mantiene σn ahí, y las flechas muestran cómo se mueven ℓ y σf con σn fija, como dice la nota bajo la gráfica.',

  s7Title: '7. Revisar la fórmula de la fuente',
  s7P1: 'La respuesta que sigue esta página escribe el objetivo como −yᵀK⁻¹y − ½ log|K|, sin el ½ del término cuadrático. ¿Importa? Fíjate en que',
  s7P2: 'así que el desliz convierte el objetivo en la log-verosimilitud de los datos multiplicados por √2. Con σf y σn libres cambia poco: el ajuste de √2·y tiene la misma ℓ̂ ({lengthscale} con los dos), las mismas flechas de ℓ, y σ̂f, σ̂n mayores en un factor √2 (σ̂f = {signalL} frente a {signalF}, un cociente de {ratio}); las varianzas se duplican.',
  s7P3: 'Ahora fija σf, como se hace a menudo, en {signalL}: la escala ya no puede absorber el √2, y ℓ̂ pasa de {fixedL} a {fixedF}. El desliz importa justo cuando la escala no está libre.',
  fig7Caption:
    'Figura 7. Los dos objetivos maximizados por el motor sobre el seno con ruido. Elige dónde se fija σf.',
  fig7Objective: 'objetivo',
  fig7Likelihood: 'log-verosimilitud',
  fig7Source: 'fórmula de la fuente',
  fig7Free: 'σf libre',
  fig7Fixed: 'σf fija en {signal}',
  fig7SignalPicker: 'Fijar σf en',
  fig7SlopeSame:
    'Mayor diferencia entre las d log ℓ̂/dy de los dos objetivos, en todos los puntos: {diff}.',

  s8Title: '8. El cuadro completo: qué puntos tiran más',
  s8P1: 'Ahora cada punto tiene su flecha. Un punto tira fuerte de θ̂ cuando decide él solo lo que hace la curva a su alrededor: los puntos de los **extremos** de los datos, sin nada más allá que los contraste, los puntos **aislados** y los puntos donde la curva se **dobla** mucho. Un **atípico**, que el ajuste tiene que explicar como ruido o con una ondulación, tira sobre todo de σn.',
  s8P2: 'En estos datos se subió un punto 2 por encima del seno. Su flecha de σn es con diferencia la más larga ({ratio} veces la siguiente): el ajuste lo explica como ruido. Cambia las flechas a ℓ en los controles de la figura: la más larga está ahora en un extremo de los datos, y el vecino de la derecha del atípico tira más que el propio atípico.',
  fig8Caption: 'Figura 8. El seno con ruido y un atípico, cada punto con su flecha.',

  exTitle: 'Ejercicios: predice y después arrastra',
  exIntro:
    'Decide primero tu respuesta; después mueve el punto y mira qué dice el reajuste. Los ejercicios 1 y 2 tienen datos propios, el mismo seno con ruido nuevo, para que las figuras de arriba no muestren sus respuestas. Arrástralo con el ratón o con el dedo, o usa los botones; con el punto enfocado, también lo mueven las flechas del teclado. La leyenda junto a la gráfica dice qué significa la longitud de una flecha, y esa escala no cambia al mover el punto salvo que las flechas la desborden (entonces la leyenda se resalta), así que una flecha antes y después de moverlo se pueden comparar.',
  ex1Question:
    'El punto {point} está por encima de la curva ajustada. Si lo subes aún más, ¿ℓ̂ crecerá o menguará?',
  ex2Question:
    'El punto {point} es el atípico, 2 por encima del seno que siguen los demás puntos. Si lo bajas hacia la curva ajustada, ¿ℓ̂ crecerá o menguará?',
  exFigureCaption: 'Ejercicio {number}. Los datos, con el punto {point} rodeado por un anillo.',
  exArrowsHidden:
    'Las flechas están ocultas hasta que elijas una respuesta: la flecha del punto rodeado por el anillo la delataría.',
  exReasonsHidden:
    'La línea bajo la gráfica que dice cuánto fiarse de las flechas aparecerá cuando elijas una respuesta: ahora la delataría.',
  exGrow: 'ℓ̂ crecerá',
  exShrink: 'ℓ̂ menguará',
  exCommitted: 'Tu apuesta: {guess}. Ahora mueve el punto hacia {direction}.',
  exUp: 'arriba',
  exDown: 'abajo',
  exMoveUp: 'Subir el punto 0,25',
  exMoveDown: 'Bajar el punto 0,25',
  exReset: 'Empezar de nuevo',
  exLocked: 'Tu respuesta ya cuenta. Para elegir la otra, pulsa «Empezar de nuevo».',
  exWrongWay:
    'Has movido el punto hacia {moved}; muévelo hacia {direction} para poner a prueba tu apuesta.',
  exRight: 'Acertaste: ℓ̂ pasó de {before} a {after}, {change}.',
  exWrong:
    'Esta vez no: ℓ̂ pasó de {before} a {after}, {change}. Mira la flecha del punto: lo anunciaba.',
  exGrew: 'creció',
  exShrank: 'menguó',
  ex3Question:
    'Son los dos grupos de la figura 6c, y el ajuste es el ondulado. Baja el punto {point} de cuarto en cuarto de unidad. ¿Qué hará ℓ̂?',
  ex3Follow: 'ℓ̂ cambiará un poco, como dice la flecha',
  ex3Jump: 'ℓ̂ saltará a un valor muy distinto',
  ex3Following:
    'ℓ̂ vale {after} (antes, {before}): por ahora cambia un poco, como dice la flecha. Sigue bajando el punto.',
  ex3Jumped:
    'Entre dos ajustes ℓ̂ saltó de {from} a {to}: la explicación suave ya gana a la ondulada, y θ̂ pasó al otro máximo. La flecha es la pendiente del máximo en el que está θ̂; no puede ver cómo crece un segundo máximo hasta que adelanta al primero.',
  ex3Now: 'Desde entonces ha seguido por el nuevo máximo: ℓ̂ vale ahora {now}.',
  ex3Right: 'Acertaste.',
  ex3Wrong: 'Esta vez no.',
  exAnswerFirst:
    'Elige primero una respuesta; después mueve el punto. (Hasta entonces se queda donde estaba.)',
  exSideways:
    'El punto también se ha movido de lado, {dx}, y eso también cambia ℓ̂; la pregunta es sobre moverlo hacia {direction}. Pulsa «Empezar de nuevo» y muévelo solo hacia {direction}.',
  exWaiting: 'Elige primero una respuesta.',
  exOnlyThisPoint:
    'También se ha movido otro punto, y la prueba es solo con el punto {point}: pulsa «Empezar de nuevo» para devolver los puntos a su sitio.',

  footer:
    'Hecho con el motor float64 de GP Sensitivity Explorer. Cada número de esta página se calcula, no se escribe a mano.',
};
